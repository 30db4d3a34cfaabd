import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/**
 * In review after a held meeting; its root cause still blames a person, which the linter points out
 * before anyone publishes it.
 */
export const ordersDbDiskFull: DemoStory = {
  title: "Order writes failed for 12 minutes when the database disk filled",
  severity: "P2",
  source: "alertmanager",
  services: ["orders-api", "orders-db"],
  tags: ["database", "disk"],
  impact: "New orders could not be saved for 12 minutes during the night; about 140 checkouts failed.",
  customerImpact: true,
  start: { daysAgo: 23, at: "03:47" },
  detectedAfter: 0,
  mitigatedAfter: 12,
  resolvedAfter: 95,
  stage: "in_review",
  timeline: [
    {
      at: 0,
      kind: "alert",
      text: "orders-db disk at 100%; writes failing",
      author: "Alertmanager",
      source: "alertmanager",
    },
    { at: 3, kind: "action", text: "Acknowledged the page", author: P.aisha, source: "web" },
    {
      at: 6,
      kind: "observation",
      text: "pg_wal holds 180 GB; WAL archiving has failed since the storage key rotation at 19:00 yesterday",
      author: P.aisha,
      source: "web",
    },
    {
      at: 8,
      kind: "decision",
      text: "Grow the volume by 200 GB now; fix archiving once writes work again",
      author: P.aisha,
      source: "web",
    },
    {
      at: 12,
      kind: "action",
      text: "Volume grown online; Postgres accepts writes again",
      author: P.aisha,
      source: "cli",
    },
    {
      at: 15,
      kind: "communication",
      text: "Posted in #incidents: order writes failed 03:47–03:59, customers who retried succeeded",
      author: P.aisha,
      source: "web",
    },
    {
      at: 40,
      kind: "action",
      text: "Archiver credentials updated; the WAL backlog starts shipping",
      author: P.jonas,
      source: "cli",
    },
    {
      at: 95,
      kind: "observation",
      text: "pg_wal back to 2 GB; archiving keeps up",
      author: P.aisha,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "WAL archiving had been failing for nine hours after a storage key rotation, the WAL files filled the database disk, and order writes failed for 12 minutes.",
    rootCause:
      "The DBA forgot to update the archive credentials when the storage keys were rotated, so WAL files piled up on the disk until it was full.",
    contributingFactors: [
      "Archive failures were logged but did not alert anyone.",
      "The 95% disk warning goes to a channel nobody watches at night, and the disk went from 95% to full in 40 minutes.",
      "The key rotation runbook lists the systems that use the keys by hand, and the archiver was not on the list.",
    ],
    detection: "The disk-full alert fired at the moment writes began to fail; nothing warned earlier.",
    resolution:
      "Growing the volume online restored writes after 12 minutes. Updating the archive credentials let the backlog drain over the next hour.",
    wentWell: ["Growing the volume online worked exactly as the runbook describes."],
    toImprove: ["Archive failures were silent for nine hours.", "The early disk warning reached nobody."],
  },
  whys: [
    {
      text: "Order writes failed for 12 minutes",
      children: [
        {
          text: "The database disk was full",
          children: [
            {
              text: "WAL files could not be archived for nine hours",
              children: [
                {
                  text: "The archiver's credentials were missed in the key rotation",
                  children: [
                    {
                      text: "The rotation runbook lists key consumers by hand",
                      actionItem: {
                        title:
                          "Generate the list of key consumers from the secrets inventory instead of the runbook",
                        owner: P.jonas,
                        dueDay: 30,
                        type: "prevent",
                        priority: "high",
                      },
                    },
                  ],
                },
                {
                  text: "Archive failures did not alert",
                  actionItem: {
                    title: "Alert when WAL archiving has failed for 15 minutes",
                    owner: P.aisha,
                    dueDay: 10,
                    type: "detect",
                    priority: "high",
                    status: "done",
                    changedOn: { day: 8, at: "12:00" },
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Route the 95% disk warning for databases to the on-call pager at night",
      owner: P.sam,
      dueDay: 14,
      type: "detect",
      priority: "medium",
    },
  ],
  meeting: {
    on: { day: 2, at: "09:00" },
    minutes: 50,
    facilitator: P.sam,
    attendees: [P.aisha, P.jonas, P.sam, P.priya].map(attendee),
    notes: {
      stage: "Sam asked the group to describe what the system allowed rather than who missed what.",
      timeline: "Nine silent hours before the page; twelve minutes of impact after it.",
      "root-cause":
        "The rotation relied on a hand-kept list. Silent archive failures turned a missed entry into an outage.",
      improvements:
        "Inventory-driven rotation; alerts on archive failures; night routing for the disk warning.",
      "action-items":
        "Three items; the root cause wording still needs a blameless rewrite before publishing.",
      "went-well": "The online volume resize.",
    },
  },
  submittedOn: { day: 1, at: "17:00" },
  checklist: [
    "timeline-drafted",
    "data-gathered",
    "attendees-chosen",
    "invitation-sent",
    "blameless-framing",
    "timeline-reviewed",
    "causes-discussed",
    "action-items-assigned",
  ],
};
