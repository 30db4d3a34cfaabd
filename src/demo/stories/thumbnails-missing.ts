import { PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Mitigated 25 minutes ago; the team is still re-processing what failed. */
export const thumbnailsMissing: DemoStory = {
  title: "Thumbnails missing for new photo uploads",
  severity: "P2",
  source: "alertmanager",
  services: ["image-resizer", "media-pipeline"],
  tags: ["deploy", "images"],
  impact:
    "Thumbnails are missing for photos uploaded in the last hour and a half; a grey placeholder shows instead.",
  customerImpact: true,
  start: { minutesAgo: 95 },
  detectedAfter: 11,
  mitigatedAfter: 70,
  stage: "mitigated",
  timeline: [
    { at: 0, kind: "event", text: "image-resizer 7.3 rolls out", author: "deploy-bot" },
    {
      at: 11,
      kind: "alert",
      text: "Resizer job failure rate above 25%",
      author: "Alertmanager",
      source: "alertmanager",
    },
    { at: 14, kind: "action", text: "Acknowledged; reading the resizer logs", author: P.sam, source: "web" },
    {
      at: 22,
      kind: "observation",
      text: "Only HEIC uploads fail: version 7.3 ships without the HEIC decoder",
      author: P.sam,
      source: "web",
    },
    {
      at: 27,
      kind: "decision",
      text: "Roll back to 7.2, then re-queue the failed jobs",
      author: P.sam,
      source: "web",
    },
    { at: 38, kind: "action", text: "Rollback to 7.2 started", author: P.sam, source: "cli" },
    { at: 70, kind: "observation", text: "New uploads get thumbnails again", author: P.sam, source: "web" },
    {
      at: 72,
      kind: "communication",
      text: "Support told that new uploads work; older ones are being re-processed",
      author: P.lena,
      source: "web",
    },
    {
      at: 88,
      kind: "action",
      text: "Re-queued 3,412 failed thumbnail jobs; about half are done",
      author: P.sam,
      source: "web",
    },
  ],
};
