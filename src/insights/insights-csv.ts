import type { DurationStats, Insights } from "./insights.ts";

/** The CSV columns, in order: one row per month of the period, then a `total` row for the whole period. */
export const INSIGHTS_CSV_COLUMNS = [
  "month",
  "incidents",
  "p1",
  "p2",
  "p3",
  "time_to_detect_count",
  "time_to_detect_median_seconds",
  "time_to_detect_p90_seconds",
  "time_to_resolve_count",
  "time_to_resolve_median_seconds",
  "time_to_resolve_p90_seconds",
  "action_items_opened",
  "action_items_completed",
  "postmortems_linted",
  "lint_findings",
  "lint_findings_per_postmortem",
] as const;

type Cell = string | number | null;

/** One field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function durations(stats: DurationStats): Cell[] {
  return [stats.count, stats.medianSeconds, stats.p90Seconds];
}

/** The monthly series of a report as one flat RFC 4180 table (CRLF line ends, header row first). */
export function insightsCsv(insights: Insights): string {
  const rows: Cell[][] = insights.incidents.byMonth.map((m, i) => {
    const lint = insights.lint.byMonth[i]!;
    const items = insights.actionItems.byMonth[i]!;
    return [
      m.month,
      m.total,
      m.P1,
      m.P2,
      m.P3,
      ...durations(insights.timeToDetect.byMonth[i]!),
      ...durations(insights.timeToResolve.byMonth[i]!),
      items.opened,
      items.completed,
      lint.postmortems,
      lint.findings,
      lint.perPostmortem,
    ];
  });
  const linted = insights.lint.byMonth.reduce((n, m) => n + m.postmortems, 0);
  const findings = insights.lint.byMonth.reduce((n, m) => n + m.findings, 0);
  rows.push([
    "total",
    insights.incidents.total,
    insights.incidents.bySeverity.P1,
    insights.incidents.bySeverity.P2,
    insights.incidents.bySeverity.P3,
    ...durations(insights.timeToDetect),
    ...durations(insights.timeToResolve),
    insights.actionItems.opened,
    insights.actionItems.completed,
    linted,
    findings,
    linted === 0 ? null : Math.round((findings / linted) * 100) / 100,
  ]);
  return [INSIGHTS_CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
