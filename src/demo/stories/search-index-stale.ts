import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Closed: reviewed, published, every action item finished. */
export const searchIndexStale: DemoStory = {
  title: "Search results hours out of date after indexer stalled",
  severity: "P2",
  source: "alertmanager",
  services: ["search-api", "search-indexer"],
  tags: ["kafka", "lag"],
  impact:
    "Search did not reflect product changes for up to three hours; sold-out items still showed as available.",
  customerImpact: true,
  start: { daysAgo: 51, at: "06:40" },
  detectedAfter: 95,
  mitigatedAfter: 115,
  resolvedAfter: 178,
  stage: "closed",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "search-indexer stops committing offsets after a broker leader election",
      author: "search-indexer",
    },
    {
      at: 95,
      kind: "alert",
      text: "Consumer lag on products-changes above 500k messages",
      author: "Alertmanager",
      source: "alertmanager",
    },
    { at: 99, kind: "action", text: "Acknowledged; reading the indexer logs", author: P.mei, source: "web" },
    {
      at: 107,
      kind: "observation",
      text: "Indexer threads wait on a lock held by an offset-commit retry loop with no limit",
      author: P.mei,
      source: "web",
    },
    {
      at: 112,
      kind: "decision",
      text: "Restart the indexer instead of waiting for the retry loop; indexing is idempotent, so a restart is safe",
      author: P.mei,
      source: "web",
    },
    { at: 115, kind: "action", text: "Rolling restart of search-indexer", author: P.sam, source: "cli" },
    {
      at: 121,
      kind: "observation",
      text: "Lag shrinking by about 40k messages a minute",
      author: P.mei,
      source: "web",
    },
    {
      at: 130,
      kind: "communication",
      text: "Support told that stale search results will clear within the hour",
      author: P.lena,
      source: "web",
    },
    {
      at: 178,
      kind: "observation",
      text: "Lag at zero; spot checks of recently changed products show the right stock",
      author: P.mei,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "For about three hours search showed out-of-date products: the indexer stopped consuming changes after a broker leader election, and nothing watched how fresh the index was.",
    rootCause:
      "A retry loop in the indexer's Kafka client retried a failed offset commit forever while holding the partition lock. Consumption stopped, but the process neither crashed nor reported itself unhealthy.",
    contributingFactors: [
      "The health check passes as long as the HTTP port answers.",
      "The lag alert threshold was tuned for peak traffic; at the quiet morning rate it took 95 minutes to trip.",
      "Broker leader elections happen during routine patching but were not part of the indexer's tests.",
    ],
    detection:
      "The consumer lag alert fired 95 minutes after consumption stopped. No customer report came in first.",
    resolution:
      "A rolling restart released the lock. The backlog drained in about an hour and results were current again three hours after the start.",
    wentWell: [
      "Because indexing is idempotent, a restart was a safe first move.",
      "Support had a message for shoppers within 35 minutes of the page.",
    ],
    toImprove: [
      "The health check could not see that nothing was being consumed.",
      "A lag threshold counted in messages means something different at 07:00 and at 20:00.",
    ],
  },
  whys: [
    {
      text: "Search results were up to three hours old",
      children: [
        {
          text: "The indexer stopped consuming product changes",
          children: [
            {
              text: "An offset-commit retry loop held the partition lock with no retry limit",
              actionItem: {
                title: "Cap offset-commit retries at 5, then exit so the indexer is restarted",
                owner: P.mei,
                dueDay: 10,
                type: "prevent",
                priority: "high",
                status: "done",
                changedOn: { day: 8, at: "15:20" },
              },
            },
          ],
        },
        {
          text: "Nobody noticed for 95 minutes",
          children: [
            {
              text: "The lag alert counts messages, not the age of the oldest unindexed change",
              actionItem: {
                title: "Alert when the oldest unindexed product change is older than 10 minutes",
                owner: P.sam,
                dueDay: 14,
                type: "detect",
                priority: "high",
                status: "done",
                changedOn: { day: 13, at: "10:00" },
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Add a broker leader election to the indexer integration tests",
      owner: P.mei,
      dueDay: 21,
      type: "prevent",
      priority: "medium",
      status: "done",
      changedOn: { day: 20, at: "17:45" },
    },
  ],
  meeting: {
    on: { day: 2, at: "13:00" },
    minutes: 50,
    facilitator: P.sam,
    attendees: [P.mei, P.sam, P.priya, P.lena].map(attendee),
    notes: {
      stage:
        "Sam reminded everyone that the aim is to find what let this stay hidden, not who should have seen it.",
      timeline: "Most of the three hours passed before anyone knew: the gap is detection, not response.",
      "root-cause": "Unbounded retries while holding a lock. The health check measures the wrong thing.",
      improvements: "Freshness-based alerting; bounded retries; leader elections in tests.",
      "action-items": "Three items, owners agreed in the room.",
      "went-well": "Idempotent indexing made the restart a non-event.",
    },
  },
  submittedOn: { day: 2, at: "09:00" },
  publishedOn: { day: 4, at: "10:00" },
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
    "open-items-followed-up",
  ],
};
