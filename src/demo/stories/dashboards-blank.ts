import { PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/**
 * An early draft that still reads like a first reaction: a person named as the cause, a "be more
 * careful" lesson and a vague action item, so the linter has plenty to show.
 */
export const dashboardsBlank: DemoStory = {
  title: "Team dashboards blank after a datasource plugin upgrade",
  severity: "P3",
  source: "manual",
  services: ["grafana", "observability"],
  tags: ["dashboards", "plugins"],
  impact: "Internal only: 14 team dashboards, including the on-call overview, showed no data for 50 minutes.",
  start: { daysAgo: 6, at: "10:05" },
  detectedAfter: 18,
  mitigatedAfter: 50,
  resolvedAfter: 95,
  stage: "draft",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Datasource plugin upgraded from 3.9 to 4.0 on the shared Grafana",
      author: P.jonas,
      source: "cli",
    },
    {
      at: 18,
      kind: "communication",
      text: "Reported in #observability: the on-call overview is blank",
      author: P.noor,
      source: "web",
    },
    {
      at: 25,
      kind: "observation",
      text: "Panels using the old query syntax return no data; newer panels still work",
      author: P.jonas,
      source: "web",
    },
    {
      at: 31,
      kind: "decision",
      text: "Roll the plugin back rather than migrate 14 dashboards under pressure",
      author: P.jonas,
      source: "web",
    },
    {
      at: 50,
      kind: "action",
      text: "Plugin 3.9 reinstalled and Grafana restarted",
      author: P.jonas,
      source: "cli",
    },
    {
      at: 95,
      kind: "observation",
      text: "All 14 dashboards show data again after their caches expired",
      author: P.noor,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "A plugin upgrade removed a query syntax that 14 dashboards still used, and they went blank until the plugin was rolled back.",
    rootCause:
      "Jonas upgraded the plugin without reading the changelog, which said the old query syntax was removed.",
    contributingFactors: ["The shared Grafana has no staging copy to try upgrades on."],
    detection: "",
    resolution: "Rolling the plugin back to 3.9 restored every dashboard within 50 minutes.",
    wentWell: ["The rollback was quick and complete."],
    toImprove: ["Everyone should be more careful when upgrading plugins."],
    required: {
      decision: "always",
      reason:
        "The on-call overview went blank; we want to understand how plugin upgrades reach the shared instance.",
    },
  },
  actionItems: [{ title: "Improve monitoring", owner: P.noor, dueDay: 20, type: "detect", priority: "low" }],
  checklist: ["timeline-drafted"],
};
