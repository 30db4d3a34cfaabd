import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";
import { ChecklistItems } from "../../postmortems/checklist.ts";

/** Closed: reviewed, published, every action item finished. */
export const cardPaymentsDeclined: DemoStory = {
  title: "Card payments declined after certificate rotation",
  severity: "P1",
  source: "pagerduty",
  services: ["checkout-web", "payments-api"],
  tags: ["third-party", "tls"],
  impact: "About a third of card payments were declined for 22 minutes, across all regions.",
  customerImpact: true,
  start: { daysAgo: 58, at: "14:02" },
  detectedAfter: 3,
  mitigatedAfter: 24,
  resolvedAfter: 60,
  stage: "closed",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Scheduled rotation of the card-processor client certificate completes on payments-api",
      author: "cert-rotator",
    },
    {
      at: 3,
      kind: "alert",
      text: "Payment authorisation failures above 20% (threshold 2%)",
      author: "PagerDuty",
      source: "pagerduty",
    },
    {
      at: 6,
      kind: "action",
      text: "Acknowledged the page, opened the payments dashboard",
      author: P.tomas,
      source: "web",
    },
    {
      at: 9,
      kind: "observation",
      text: "Every failed call ends in a TLS handshake error; failures began right after the rotation",
      author: P.tomas,
      source: "web",
    },
    {
      at: 12,
      kind: "decision",
      text: "Declared P1; roll back to the previous certificate first, debug the new one later",
      author: P.priya,
      source: "web",
    },
    {
      at: 14,
      kind: "communication",
      text: "Status page: some card payments are failing, a fix is in progress",
      author: P.lena,
      source: "web",
    },
    {
      at: 21,
      kind: "action",
      text: "Previous certificate restored from the vault, payments-api pods restarted",
      author: P.sam,
      source: "cli",
    },
    {
      at: 24,
      kind: "observation",
      text: "Authorisation failures back under 1% on every pod",
      author: P.tomas,
      source: "web",
    },
    {
      at: 35,
      kind: "communication",
      text: "Processor support confirms the new bundle lacks the intermediate certificate",
      author: P.tomas,
      source: "web",
    },
    {
      at: 52,
      kind: "action",
      text: "Corrected certificate bundle deployed; failures stay at baseline",
      author: P.sam,
      source: "cli",
    },
    { at: 60, kind: "communication", text: "Status page: resolved", author: P.lena, source: "web" },
  ],
  postmortem: {
    summary:
      "For 22 minutes about a third of card payments were declined after an automated certificate rotation installed a bundle without its intermediate certificate.",
    rootCause:
      "The rotation job installed a client certificate without the intermediate chain that the card processor requires. Nothing between the rotation and live traffic tested the bundle against the processor, so the first real handshake was the test.",
    contributingFactors: [
      "The rotation job checks that a certificate parses and is in date, not that its chain is complete.",
      "Rotations ran at 14:00 UTC, at the start of the European afternoon peak.",
      "The previous certificate was not stored under a predictable name, so finding it for the rollback took seven minutes.",
    ],
    detection:
      "The failure-rate alert paged the payments on-call engineer 3 minutes after the rotation; the page was acknowledged 3 minutes later.",
    resolution:
      "Restoring the previous certificate and restarting payments-api brought failures back to baseline 24 minutes after the start. The corrected bundle went out half an hour later.",
    wentWell: [
      "The failure-rate alert fired within three minutes.",
      "Rolling back before investigating kept the outage short.",
    ],
    toImprove: [
      "Finding the previous certificate took seven minutes.",
      "The status page was updated 11 minutes after the page.",
    ],
    appendix: [
      { title: "Payments dashboard", url: "https://grafana.example.com/d/payments" },
      { title: "Processor TLS requirements", url: "https://docs.example.com/processor/tls" },
    ],
  },
  whys: [
    {
      text: "Card payments were declined for 22 minutes",
      children: [
        {
          text: "The processor refused TLS handshakes from payments-api",
          children: [
            {
              text: "The new certificate bundle lacked the intermediate certificate",
              children: [
                {
                  text: "The rotation job only checks that a certificate parses and is in date",
                  actionItem: {
                    title:
                      "Make the rotation job complete a test handshake with the processor sandbox before installing a bundle",
                    owner: P.tomas,
                    dueDay: 14,
                    type: "prevent",
                    priority: "high",
                    externalUrl: "https://github.com/example/payments-api/issues/214",
                    status: "done",
                    changedOn: { day: 12, at: "16:40" },
                  },
                },
              ],
            },
          ],
        },
        {
          text: "The rollback took longer than it needed to",
          children: [
            {
              text: "Previous certificates were not kept under a predictable name",
              actionItem: {
                title:
                  "Keep the last two certificates in the vault under versioned names and link them from the runbook",
                owner: P.sam,
                dueDay: 10,
                type: "mitigate",
                priority: "medium",
                status: "done",
                changedOn: { day: 9, at: "11:15" },
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Move certificate rotations to 06:00 UTC, before the European peak",
      owner: P.priya,
      dueDay: 7,
      type: "process",
      priority: "low",
      status: "done",
      changedOn: { day: 6, at: "09:05" },
    },
    {
      title: "Page the incident commander when a P1 has no status page update after 10 minutes",
      owner: P.lena,
      dueDay: 21,
      type: "detect",
      priority: "medium",
      status: "wont_do",
      changedOn: { day: 15, at: "14:30" },
      wontDoReason:
        "The status page tool cannot report when it was last updated; the P1 checklist now carries this step instead.",
    },
  ],
  meeting: {
    on: { day: 1, at: "15:00" },
    minutes: 50,
    facilitator: P.priya,
    attendees: [P.tomas, P.sam, P.lena, P.priya].map(attendee),
    notes: {
      stage:
        "Priya opened with the usual ground rules: we look at the system, not at who pressed which button.",
      timeline:
        "Agreed the impact window is 14:02 to 14:26; the half hour after that was clean-up without customer impact.",
      "root-cause":
        "The rotation job trusts the certificate file; nothing tries it against the processor. The missing intermediate was only one way this could fail.",
      improvements: "Test handshake before install; versioned old certificates; rotate outside peak hours.",
      "action-items": "Tomás takes the test handshake, Sam the vault naming, Priya the schedule change.",
      "went-well": "Fast alert and a quick decision to roll back.",
    },
  },
  submittedOn: { day: 1, at: "10:30" },
  publishedOn: { day: 3, at: "11:00" },
  // Every item ticked: this review was run by the book.
  checklist: ChecklistItems.map((item) => item.key),
};
