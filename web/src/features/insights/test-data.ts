import type { Insights } from "./insights.api.ts";

const MONTHS = ["2026-01", "2026-02", "2026-03"];
const noDurations = { count: 0, medianSeconds: null, p90Seconds: null };

/** A three-month report (Jan–Mar 2026) with a few incidents; `overrides` replace whole top-level parts. */
export function buildInsights(overrides: Partial<Insights> = {}): Insights {
  return {
    period: { from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
    filters: { severity: null, service: null, tag: null },
    incidents: {
      total: 5,
      bySeverity: { P1: 1, P2: 3, P3: 1 },
      byMonth: [
        { month: "2026-01", P1: 1, P2: 1, P3: 0, total: 2 },
        { month: "2026-02", P1: 0, P2: 0, P3: 0, total: 0 },
        { month: "2026-03", P1: 0, P2: 2, P3: 1, total: 3 },
      ],
    },
    timeToDetect: {
      count: 5,
      medianSeconds: 420,
      p90Seconds: 1800,
      byMonth: MONTHS.map((month) =>
        month === "2026-02"
          ? { month, ...noDurations }
          : { month, count: 2, medianSeconds: 420, p90Seconds: 900 },
      ),
    },
    timeToResolve: {
      count: 4,
      medianSeconds: 4320,
      p90Seconds: 93_600,
      byMonth: MONTHS.map((month) =>
        month === "2026-02"
          ? { month, ...noDurations }
          : { month, count: 2, medianSeconds: 4320, p90Seconds: 7200 },
      ),
    },
    review: {
      timeToMeeting: { count: 2, medianSeconds: 172_800, p90Seconds: 259_200 },
      timeToPublish: { count: 2, medianSeconds: 432_000, p90Seconds: 864_000 },
      publishedWithinWeekShare: 0.5,
      published: 2,
      requiredButUnpublished: 1,
    },
    actionItems: {
      opened: 6,
      completed: 3,
      overdue: 1,
      wontDo: 1,
      medianDaysToClose: 4.5,
      byMonth: [
        { month: "2026-01", opened: 4, completed: 3 },
        { month: "2026-02", opened: 0, completed: 0 },
        { month: "2026-03", opened: 2, completed: 0 },
      ],
    },
    recurring: {
      tags: [{ value: "deploy", incidents: 3 }],
      services: [
        { value: "checkout", incidents: 3 },
        { value: "payments api", incidents: 2 },
      ],
      contributingFactors: [{ text: "No canary for config changes", incidents: 2 }],
    },
    lint: {
      byMonth: [
        { month: "2026-01", postmortems: 2, findings: 3, perPostmortem: 1.5 },
        { month: "2026-02", postmortems: 0, findings: 0, perPostmortem: null },
        { month: "2026-03", postmortems: 1, findings: 0, perPostmortem: 0 },
      ],
    },
    ...overrides,
  };
}

/** The same period with no incident at all. */
export function emptyInsights(): Insights {
  const base = buildInsights();
  const zero = { P1: 0, P2: 0, P3: 0, total: 0 };
  return buildInsights({
    incidents: {
      total: 0,
      bySeverity: { P1: 0, P2: 0, P3: 0 },
      byMonth: base.incidents.byMonth.map((m) => ({ month: m.month, ...zero })),
    },
    recurring: { tags: [], services: [], contributingFactors: [] },
  });
}

export function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}
