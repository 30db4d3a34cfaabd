import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Published; one action item is overdue, one is due tomorrow. */
export const invoicesSentTwice: DemoStory = {
  title: "Monthly invoice e-mails sent twice after scheduler failover",
  severity: "P3",
  source: "manual",
  services: ["billing-jobs", "mailer"],
  tags: ["cron", "duplicate"],
  impact: "About 1,900 customers received their monthly invoice e-mail twice. Nobody was charged twice.",
  customerImpact: true,
  start: { daysAgo: 44, at: "02:00" },
  detectedAfter: 310,
  mitigatedAfter: 325,
  resolvedAfter: 420,
  stage: "published",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Nightly invoice export starts on scheduler node A",
      author: "billing-jobs",
    },
    {
      at: 1,
      kind: "event",
      text: "Node A fails over; the same export starts again on node B",
      author: "billing-jobs",
    },
    {
      at: 310,
      kind: "communication",
      text: "Support sees several tickets asking why the invoice arrived twice",
      author: P.lena,
      source: "web",
    },
    {
      at: 318,
      kind: "observation",
      text: "Job history shows two runs of the export one minute apart, on different nodes",
      author: P.jonas,
      source: "web",
    },
    {
      at: 325,
      kind: "decision",
      text: "E-mails carry no charge, so nothing to roll back; prepare a reply for support and a short note to customers",
      author: P.priya,
      source: "web",
    },
    {
      at: 360,
      kind: "action",
      text: "Support macro for duplicate invoice questions published",
      author: P.lena,
      source: "web",
    },
    {
      at: 420,
      kind: "communication",
      text: "Apology e-mail sent to the 1,912 customers who got two invoices",
      author: P.lena,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "The monthly invoice export ran twice after a scheduler failover, and about 1,900 customers received two identical invoice e-mails. Payments were not affected.",
    rootCause:
      "The export's scheduler lock lived in the memory of the node holding it. When that node failed over, the standby saw no lock and started the same run again.",
    contributingFactors: [
      "The export does not record which billing periods it already sent, so a second run repeats everything.",
      "The failover happened during the one minute the export was starting, a path that tests never exercised.",
    ],
    detection:
      "Support recognised the pattern in customer tickets about five hours after the second run. No alert watches for duplicate sends.",
    resolution:
      "No fix was needed on the night, as the duplicates were harmless. Support answered with a prepared reply, and an apology e-mail went out the same morning.",
    wentWell: [
      "Support spotted the pattern from a handful of tickets.",
      "Billing confirmed within minutes that no one was charged twice.",
    ],
    toImprove: [
      "Customers told us about the duplicate run before any alert did.",
      "Building the apology list took an hour of manual queries.",
    ],
    appendix: [{ title: "Scheduler failover log", url: "https://logs.example.com/scheduler/failover" }],
  },
  whys: [
    {
      text: "Customers received two invoice e-mails",
      children: [
        {
          text: "The invoice export ran twice",
          children: [
            {
              text: "The scheduler lock did not survive a failover",
              actionItem: {
                title: "Hold the export's scheduler lock as a database advisory lock for the whole run",
                owner: P.jonas,
                dueDay: 20,
                type: "prevent",
                priority: "high",
                externalUrl: "https://github.com/example/billing-jobs/issues/88",
                status: "in_progress",
                changedOn: { day: 18, at: "09:30" },
              },
            },
            {
              text: "The export does not remember which periods it already sent",
              actionItem: {
                title: "Record sent invoice periods per customer and skip those already sent",
                owner: P.tomas,
                dueDay: 30,
                type: "prevent",
                priority: "high",
                status: "done",
                changedOn: { day: 27, at: "15:10" },
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Alert when one export run sends more invoices than there are active accounts",
      owner: P.sam,
      dueDay: 45,
      type: "detect",
      priority: "medium",
    },
  ],
  meeting: {
    on: { day: 1, at: "16:00" },
    minutes: 30,
    facilitator: P.priya,
    attendees: [P.jonas, P.tomas, P.lena, P.priya].map(attendee),
    notes: {
      stage: "Short review for a P3; the failover itself worked as designed.",
      timeline: "Five hours between the duplicate run and the first ticket; all of it at night.",
      "root-cause":
        "An in-memory lock cannot protect a job across nodes. Idempotent sending would have made the lock matter less.",
      improvements: "Durable lock, idempotent export, an alert on send volume.",
      "action-items": "Jonas: advisory lock. Tomás: sent-period ledger. Sam: volume alert.",
      "went-well": "Support's quick pattern-matching and a calm reply to customers.",
    },
  },
  submittedOn: { day: 1, at: "12:00" },
  publishedOn: { day: 6, at: "14:00" },
  checklist: [
    "timeline-drafted",
    "attendees-chosen",
    "invitation-sent",
    "blameless-framing",
    "timeline-reviewed",
    "causes-discussed",
    "action-items-assigned",
    "went-well-captured",
    "published-on-time",
    "action-items-tracked",
  ],
};
