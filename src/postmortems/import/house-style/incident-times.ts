import type { LineMessage } from "../parse-template.ts";
import type { StatedDuration } from "./duration.ts";
import type { TimelineRow } from "./timeline.ts";

export type Metric =
  "detection" | "recovery" | "repair" | "resolve" | "mitigation" | "acknowledge" | "duration";

/** A duration as the document states it ("Time to detection: 64 minutes"), kept beside the computed one. */
export interface StatedMetric extends StatedDuration {
  metric: Metric;
  label: string;
  line: number;
}

type Stage = "started" | "detected" | "declared" | "mitigated" | "resolved";

const STAGES: [Stage, RegExp][] = [
  [
    "started",
    /^(fault occur(s|red)|(incident |outage |impact |issue |problem )?(start(s|ed)?|began|begins))\b/i,
  ],
  [
    "detected",
    /^(first detected|detected|detection|discovery|discovered|first alert|alert(ed)?|team aware|identified)\b/i,
  ],
  ["declared", /^(incident )?declared\b/i],
  [
    "mitigated",
    /^(repaired|mitigated|mitigation|recovered|recovery|restored|service restored|workaround)\b/i,
  ],
  [
    "resolved",
    /^(resolved|resolution|incident resolved|closed|ended|(incident |outage |impact |issue )end(ed|s)?|all clear)\b/i,
  ],
];

function stageOf(row: TimelineRow): Stage | null {
  const label = row.label ?? row.marker;
  if (!label) return null;
  for (const [stage, pattern] of STAGES) if (pattern.test(label.trim())) return stage;
  return null;
}

export interface DerivedTimes {
  startedAt: string;
  detectedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (row: TimelineRow) => Date.parse(row.occurredAt);
const show = (row: TimelineRow) => row.written;

/**
 * The incident's own times from its key events ("First detected", "Repaired", "Resolved") or bold markers
 * (`**Detection:**`, `**Recovery:**`), checked against each other: a resolution before the declaration is
 * an error in the document, reported on its line, never reordered.
 */
export function incidentTimes(
  rows: readonly TimelineRow[],
  stated: readonly StatedMetric[],
  errors: LineMessage[],
  warnings: LineMessage[],
): DerivedTimes | null {
  if (rows.length === 0) {
    errors.push({
      line: 1,
      message: "no dated timeline entry or key event was found; the incident needs at least one time",
    });
    return null;
  }
  const stage = new Map<Stage, TimelineRow>();
  for (const row of rows) {
    const s = stageOf(row);
    if (s && !stage.has(s)) stage.set(s, row);
  }
  const before = (later: Stage, earlier: Stage, message: string) => {
    const a = stage.get(later);
    const b = stage.get(earlier);
    if (!a || !b) return;
    const coarse = [a, b].some((r) => r.precision === "day" || r.precision === "month");
    const lateAt = coarse ? a.occurredAt.slice(0, 10) : a.occurredAt;
    const earlyAt = coarse ? b.occurredAt.slice(0, 10) : b.occurredAt;
    if (lateAt < earlyAt) {
      errors.push({
        line: a.line,
        message: `${a.label ?? a.marker} ${show(a)} is before ${b.label ?? b.marker} ${show(b)} (line ${b.line}): ${message}`,
      });
    }
  };
  before("detected", "started", "an incident is detected after it starts");
  before("declared", "detected", "an incident is declared after it is detected");
  before("mitigated", "started", "an incident is repaired after it starts");
  before("resolved", "declared", "an incident is resolved after it is declared");
  before("resolved", "detected", "an incident is resolved after it is detected");
  before("resolved", "started", "an incident is resolved after it starts");
  before("resolved", "mitigated", "an incident is resolved after (or when) it is repaired");
  if (errors.length > 0) return null;

  const sorted = [...rows].sort((a, b) => at(a) - at(b));
  // Key events, when a document has them, say when the incident began; other entries may be background.
  const keyed = sorted.filter((row) => stageOf(row) !== null);
  const startRow = stage.get("started") ?? keyed[0] ?? sorted[0]!;
  let resolvedRow = stage.get("resolved") ?? null;
  const mitigatedRow = stage.get("mitigated") ?? null;
  if (
    !resolvedRow &&
    mitigatedRow &&
    /^recover|^restored/i.test(mitigatedRow.label ?? mitigatedRow.marker ?? "")
  ) {
    resolvedRow = mitigatedRow;
  }
  if (!resolvedRow) {
    resolvedRow = sorted.at(-1)!;
    warnings.push({
      line: resolvedRow.line,
      message: `no resolution time is stated; the incident is stored as resolved at its last timeline entry (${show(resolvedRow)})`,
    });
  }
  const detectedRow = stage.get("detected") ?? null;

  // A stated duration far shorter than the dates say points at a wrong date (a month or year typed wrong).
  const from = (row: TimelineRow | null | undefined) => (row ? at(row) : null);
  for (const s of stated) {
    if (s.minutes === null) continue;
    const end =
      s.metric === "detection" || s.metric === "acknowledge"
        ? detectedRow
        : s.metric === "repair" || s.metric === "mitigation"
          ? mitigatedRow
          : resolvedRow;
    const start = startRow;
    const endAt = from(end);
    const startAt = from(start);
    if (endAt === null || startAt === null || !end) continue;
    const computed = endAt - startAt;
    if (computed > 7 * DAY && computed > 20 * Math.max(s.minutes, 1) * MINUTE) {
      errors.push({
        line: end.line,
        message: `${end.label ?? end.marker ?? "this entry"} ${show(end)} is ${Math.round(computed / DAY)} days after ${show(start)}, but "${s.label}" is stated as ${s.raw} (line ${s.line}); check the date`,
      });
    }
  }
  if (errors.length > 0) return null;
  return {
    startedAt: startRow.occurredAt,
    detectedAt: detectedRow?.occurredAt ?? null,
    mitigatedAt: mitigatedRow?.occurredAt ?? null,
    resolvedAt: resolvedRow.occurredAt,
  };
}
