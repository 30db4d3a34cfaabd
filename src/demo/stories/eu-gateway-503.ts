import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Published; one action item in progress and overdue, one open and due next week. */
export const euGateway503: DemoStory = {
  title: "EU API gateway returned 503 for 41 minutes after a route change",
  severity: "P1",
  source: "pagerduty",
  services: ["api-gateway", "eu-edge"],
  tags: ["config", "eu-west"],
  impact:
    "Every API request through the EU gateway failed with 503 for 41 minutes. US traffic was not affected.",
  customerImpact: true,
  start: { daysAgo: 37, at: "09:12" },
  detectedAfter: 2,
  mitigatedAfter: 41,
  resolvedAfter: 60,
  stage: "published",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Route table change #4471 applied to the EU gateway by the deploy pipeline",
      author: "deploy-bot",
    },
    { at: 2, kind: "alert", text: "EU gateway 5xx rate above 50%", author: "PagerDuty", source: "pagerduty" },
    { at: 4, kind: "action", text: "Acknowledged the page", author: P.jonas, source: "web" },
    {
      at: 8,
      kind: "observation",
      text: "Gateway logs show every upstream failing its health check, while the services themselves answer normally",
      author: P.jonas,
      source: "web",
    },
    {
      at: 13,
      kind: "decision",
      text: "Revert change #4471 through the pipeline",
      author: P.jonas,
      source: "web",
    },
    {
      at: 19,
      kind: "observation",
      text: "The revert is waiting out the pipeline's 15-minute canary period",
      author: P.sam,
      source: "web",
    },
    {
      at: 22,
      kind: "decision",
      text: "Skip the canary wait for this revert (incident commander's call)",
      author: P.priya,
      source: "web",
    },
    {
      at: 27,
      kind: "communication",
      text: "Status page: API requests in Europe are failing; a fix is rolling out",
      author: P.lena,
      source: "web",
    },
    { at: 41, kind: "action", text: "Revert live on all EU gateway nodes", author: P.jonas, source: "cli" },
    { at: 43, kind: "observation", text: "5xx rate back under 0.1%", author: P.jonas, source: "web" },
    {
      at: 60,
      kind: "communication",
      text: "Status page: resolved, with a short explanation for customers",
      author: P.lena,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "A route table change made the EU gateway treat every upstream as unhealthy, and all EU API traffic failed for 41 minutes. Most of that time went into getting the revert through our own pipeline.",
    rootCause:
      "The change renamed the upstream health-check path, but the services still answered on the old one. The gateway saw every upstream as down and answered 503 on all routes.",
    contributingFactors: [
      "The pipeline validated the configuration's syntax but never probed an upstream with the new health-check settings.",
      "A revert went through the same 15-minute canary wait as any new change.",
      "The EU and US gateways are configured separately, so the change had not run anywhere before.",
    ],
    detection: "The 5xx alert paged 2 minutes after the change; the page was acknowledged 2 minutes later.",
    resolution:
      "Change #4471 was reverted. Once the canary wait was skipped, the revert reached every node 41 minutes after the start.",
    wentWell: [
      "Detection took two minutes.",
      "The call to skip the canary wait came within three minutes of being asked.",
    ],
    toImprove: [
      "A revert had no faster path than a new change.",
      "The status page went up 25 minutes after the page.",
    ],
    appendix: [
      { title: "Change #4471", url: "https://deploy.example.com/changes/4471" },
      { title: "EU gateway dashboard", url: "https://grafana.example.com/d/eu-gateway" },
    ],
  },
  whys: [
    {
      text: "EU API traffic failed for 41 minutes",
      children: [
        {
          text: "Every upstream failed its health check",
          children: [
            {
              text: "The change pointed health checks at a path the services do not serve",
              children: [
                {
                  text: "Pipeline validation checks the configuration's syntax, not its effect",
                  actionItem: {
                    title:
                      "Probe each upstream with the new health-check settings before applying gateway configuration",
                    owner: P.jonas,
                    dueDay: 14,
                    type: "prevent",
                    priority: "high",
                    status: "done",
                    changedOn: { day: 12, at: "13:00" },
                  },
                },
              ],
            },
          ],
        },
        {
          text: "The revert took 28 minutes to land",
          children: [
            {
              text: "Reverts wait for the same canary period as new changes",
              actionItem: {
                title:
                  "Add a revert path to the pipeline that skips the canary wait while an incident is open",
                owner: P.sam,
                dueDay: 21,
                type: "mitigate",
                priority: "high",
                externalUrl: "https://github.com/example/deploy-pipeline/issues/301",
                status: "in_progress",
                changedOn: { day: 16, at: "10:20" },
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Write a status page template for Europe-only API outages",
      owner: P.lena,
      dueDay: 10,
      type: "process",
      priority: "low",
      status: "done",
      changedOn: { day: 9, at: "16:00" },
    },
    {
      title: "Apply gateway configuration to one EU node first and compare its error rate for 5 minutes",
      owner: P.jonas,
      dueDay: 45,
      type: "prevent",
      priority: "medium",
    },
  ],
  meeting: {
    on: { day: 1, at: "14:00" },
    minutes: 50,
    facilitator: P.priya,
    attendees: [P.jonas, P.sam, P.lena, P.aisha, P.priya].map(attendee),
    notes: {
      stage:
        "Ground rules restated; Jonas walked through the change as it looked before anyone knew its effect.",
      timeline: "Two minutes to detect, 39 to recover: the recovery path is where the time went.",
      "root-cause":
        "Health-check path renamed in config only. Validation could not have caught it because it never talks to an upstream.",
      improvements: "Behavioural validation; fast reverts; a one-node canary for gateway configuration.",
      "action-items": "Owners and dates agreed; the revert path is the top priority.",
      "went-well": "Detection and the incident commander's quick decision.",
    },
  },
  submittedOn: { day: 1, at: "09:00" },
  publishedOn: { day: 5, at: "09:30" },
  checklist: [
    "timeline-drafted",
    "data-gathered",
    "attendees-chosen",
    "invitation-sent",
    "blameless-framing",
    "timeline-reviewed",
    "causes-discussed",
    "action-items-assigned",
    "went-well-captured",
    "published-on-time",
    "action-items-tracked",
    "shared-internally",
    "external-version",
  ],
};
