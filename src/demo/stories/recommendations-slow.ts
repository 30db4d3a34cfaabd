import { PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Resolved the day before yesterday: the timeline is in, the write-up not started yet. */
export const recommendationsSlow: DemoStory = {
  title: "Product pages slow while the catalogue import emptied the recommendations cache",
  severity: "P2",
  source: "grafana",
  services: ["catalogue-import", "recommendations"],
  tags: ["batch", "latency"],
  impact: "Product pages loaded 2 to 4 seconds slower for 21 minutes because recommendation calls timed out.",
  customerImpact: true,
  start: { daysAgo: 2, at: "19:30" },
  detectedAfter: 6,
  mitigatedAfter: 21,
  resolvedAfter: 35,
  stage: "draft",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Weekly catalogue import starts, 20 minutes earlier than usual",
      author: "catalogue-import",
    },
    {
      at: 6,
      kind: "alert",
      text: "Recommendations p99 latency above 1.5 s",
      author: "Grafana",
      source: "grafana",
    },
    { at: 9, kind: "action", text: "Acknowledged the alert", author: P.mei, source: "web" },
    {
      at: 15,
      kind: "observation",
      text: "Recommendations cache hit rate fell from 92% to 30% as the import invalidates entries",
      author: P.mei,
      source: "web",
    },
    {
      at: 19,
      kind: "decision",
      text: "Hide recommendations on product pages until the import finishes",
      author: P.mei,
      source: "web",
    },
    {
      at: 21,
      kind: "action",
      text: "Feature flag recs-on-product-page switched off",
      author: P.mei,
      source: "web",
    },
    {
      at: 24,
      kind: "observation",
      text: "Product page latency back to normal",
      author: P.mei,
      source: "web",
    },
    {
      at: 35,
      kind: "action",
      text: "Import finished; feature flag switched back on",
      author: P.mei,
      source: "web",
    },
  ],
};
