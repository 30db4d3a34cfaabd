import { PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Still open: the timeline is being written right now. */
export const cartErrorsUsEast: DemoStory = {
  title: "Add-to-cart errors in us-east during cache node replacement",
  severity: "P1",
  source: "pagerduty",
  services: ["cart-api", "redis-cart"],
  tags: ["cache", "us-east"],
  impact: "About 8% of add-to-cart requests in us-east fail; customers see an error and can retry.",
  customerImpact: true,
  start: { minutesAgo: 38 },
  detectedAfter: 4,
  stage: "open",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Planned node replacement starts on the redis-cart cluster",
      author: "infra-automation",
    },
    {
      at: 4,
      kind: "alert",
      text: "cart-api 5xx rate above 5% in us-east",
      author: "PagerDuty",
      source: "pagerduty",
    },
    {
      at: 6,
      kind: "action",
      text: "Acknowledged the page; taking incident command",
      author: P.aisha,
      source: "web",
    },
    {
      at: 9,
      kind: "communication",
      text: "Incident channel opened: Aisha leads, Sam handles updates",
      author: P.sam,
      source: "web",
    },
    {
      at: 14,
      kind: "observation",
      text: "Errors are timeouts to the node being replaced; cart-api does not retry on a replica",
      author: P.aisha,
      source: "web",
    },
    {
      at: 19,
      kind: "decision",
      text: "Pause the node replacement rather than fail the whole cluster over",
      author: P.aisha,
      source: "web",
    },
    { at: 23, kind: "action", text: "Node replacement paused", author: P.aisha, source: "cli" },
    {
      at: 27,
      kind: "observation",
      text: "Error rate down from 8% to 3%, still above normal",
      author: P.aisha,
      source: "web",
    },
    {
      at: 31,
      kind: "communication",
      text: "Status page: some customers in North America may see errors adding items to the cart",
      author: P.lena,
      source: "web",
    },
    {
      at: 35,
      kind: "action",
      text: "Restarting cart-api pods one zone at a time to drop stale connections",
      author: P.aisha,
      source: "web",
    },
  ],
};
