import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getProcessSettings } from "../process/settings.ts";
import { Severities } from "../incidents/incident.ts";
import { InsightsInput, MAX_PERIOD_YEARS, type Insights } from "./insights.ts";
import {
  countActionItemsByMonth,
  countIncidentsByMonth,
  listClosedActionItems,
  listIncidentFacts,
  listScopedFactors,
  listScopedLabels,
  listScopedTimelineKinds,
  type InsightsScope,
} from "./insights.repository.ts";
import { countFindings, lintCacheFor, listLintTargets, lookUpFindings } from "./lint-findings.ts";
import { reviewStats } from "./review-stats.ts";
import {
  durationStats,
  median,
  monthOf,
  monthsBetween,
  normaliseText,
  recurring,
  round,
  secondsBetween,
  startOfMonth,
} from "./stats.ts";

const DAY_SECONDS = 24 * 60 * 60;
const RECURRING = { min: 2, limit: 20 };

/** The period and filters a report covers; the default period is the 12 calendar months up to `to` (now). */
export function resolveScope(input: InsightsInput, now: Date): InsightsScope {
  const to = input.to ?? toUtcIso(now);
  const from = input.from ?? toUtcIso(startOfMonth(new Date(Date.parse(to) - 1).toISOString(), -11));
  if (from >= to) throw DomainError.validation("from", `must be before to (${to})`);
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_PERIOD_YEARS);
  if (Date.parse(to) > limit.getTime()) {
    throw DomainError.validation("from", `the period must not be longer than ${MAX_PERIOD_YEARS} years`);
  }
  return {
    from,
    to,
    severity: input.severity ?? null,
    service: input.service ?? null,
    tag: input.tag ?? null,
  };
}

/** Durations grouped by month, as statistics for the whole period and for each month. */
function durationSeries(months: string[], samples: { month: string; seconds: number }[]) {
  return {
    ...durationStats(samples.map((s) => s.seconds)),
    byMonth: months.map((month) => ({
      month,
      ...durationStats(samples.filter((s) => s.month === month).map((s) => s.seconds)),
    })),
  };
}

/** Sums `pick` of the rows of each month. */
function perMonth<T extends { month: string }>(months: string[], rows: T[], pick: (row: T) => number) {
  const sums = new Map(months.map((month) => [month, 0]));
  for (const row of rows) if (sums.has(row.month)) sums.set(row.month, sums.get(row.month)! + pick(row));
  return sums;
}

/**
 * Works out the insights of SPEC §6 for the incidents that started in [from, to) and match the filters,
 * from one consistent snapshot; every month of the period appears, and repeated calls lint only the
 * post-mortems that changed since.
 */
export async function computeInsights(ctx: Ctx, raw: InsightsInput = {}): Promise<Insights> {
  const input = parseInput(InsightsInput, raw);
  const now = ctx.clock.now();
  const scope = resolveScope(input, now);
  const today = toUtcIso(now).slice(0, 10);
  const cache = lintCacheFor(ctx.db);
  const read = await ctx.db.transaction().execute(async (trx) => {
    const incidentCounts = await countIncidentsByMonth(trx, scope);
    const facts = await listIncidentFacts(trx, scope);
    const labels = await listScopedLabels(trx, scope);
    const timelineKinds = await listScopedTimelineKinds(trx, scope);
    const factors = await listScopedFactors(trx, scope);
    const itemCounts = await countActionItemsByMonth(trx, scope, today);
    const closedItems = await listClosedActionItems(trx, scope);
    const settings = await getProcessSettings(trx);
    const lintTargets = await listLintTargets(trx, scope);
    const lint = await lookUpFindings(trx, ctx.clock, cache, lintTargets);
    return {
      incidentCounts,
      facts,
      labels,
      timelineKinds,
      factors,
      itemCounts,
      closedItems,
      settings,
      lintTargets,
      lint,
    };
  });
  // Linted outside the transaction: on SQLite it holds the write lock, and the records are already read.
  const findingsOf = read.lint.known;
  for (const target of read.lintTargets) {
    const record = read.lint.toLint.get(target.fingerprint);
    if (!record) continue;
    const findings = countFindings(record);
    findingsOf.set(target.fingerprint, findings);
    cache.set(target.fingerprint, target.version, findings);
  }

  const months = monthsBetween(scope.from, scope.to);
  const bySeverity = Object.fromEntries(
    Severities.map((severity) => [
      severity,
      perMonth(
        months,
        read.incidentCounts.filter((row) => row.severity === severity),
        (row) => row.count,
      ),
    ]),
  ) as Record<(typeof Severities)[number], Map<string, number>>;
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

  const detect = read.facts.flatMap((f) =>
    f.detectedAt ? [{ month: monthOf(f.startedAt), seconds: secondsBetween(f.startedAt, f.detectedAt) }] : [],
  );
  const resolve = read.facts.flatMap((f) =>
    f.resolvedAt ? [{ month: monthOf(f.startedAt), seconds: secondsBetween(f.startedAt, f.resolvedAt) }] : [],
  );

  const opened = perMonth(months, read.itemCounts, (row) => row.count);
  const completed = perMonth(months, read.itemCounts, (row) => (row.status === "done" ? row.count : 0));
  const daysToClose = median(
    read.closedItems.map((i) => secondsBetween(i.createdAt, i.completedAt) / DAY_SECONDS),
  );

  const labelsOf = (kind: "service" | "tag") =>
    read.labels.filter((l) => l.kind === kind).map((l) => ({ incidentId: l.incidentId, text: l.value }));
  const recurringLabels = (kind: "service" | "tag") =>
    recurring(labelsOf(kind), (v) => v.toLocaleLowerCase("und"), RECURRING).map((r) => ({
      value: r.text,
      incidents: r.incidents,
    }));

  const linted = read.lintTargets.map((t) => ({ month: t.month, findings: findingsOf.get(t.fingerprint)! }));
  const lintCount = perMonth(months, linted, () => 1);
  const lintFindings = perMonth(months, linted, (row) => row.findings);

  return {
    period: { from: scope.from, to: scope.to },
    filters: { severity: scope.severity, service: scope.service, tag: scope.tag },
    incidents: {
      total: sum(read.incidentCounts.map((row) => row.count)),
      bySeverity: {
        P1: sum(bySeverity.P1.values()),
        P2: sum(bySeverity.P2.values()),
        P3: sum(bySeverity.P3.values()),
      },
      byMonth: months.map((month) => {
        const [P1, P2, P3] = Severities.map((s) => bySeverity[s].get(month)!) as [number, number, number];
        return { month, P1, P2, P3, total: P1 + P2 + P3 };
      }),
    },
    timeToDetect: durationSeries(months, detect),
    timeToResolve: durationSeries(months, resolve),
    review: reviewStats(read.facts, read.labels, read.timelineKinds, read.settings.policy, now),
    actionItems: {
      opened: sum(read.itemCounts.map((row) => row.count)),
      completed: sum(read.itemCounts.filter((row) => row.status === "done").map((row) => row.count)),
      overdue: sum(read.itemCounts.map((row) => row.overdue)),
      wontDo: sum(read.itemCounts.filter((row) => row.status === "wont_do").map((row) => row.count)),
      medianDaysToClose: daysToClose === null ? null : round(daysToClose, 1),
      byMonth: months.map((month) => ({
        month,
        opened: opened.get(month)!,
        completed: completed.get(month)!,
      })),
    },
    recurring: {
      tags: recurringLabels("tag"),
      services: recurringLabels("service"),
      contributingFactors: recurring(read.factors, normaliseText, RECURRING),
    },
    lint: {
      byMonth: months.map((month) => {
        const postmortems = lintCount.get(month)!;
        const findings = lintFindings.get(month)!;
        return {
          month,
          postmortems,
          findings,
          perPostmortem: postmortems === 0 ? null : round(findings / postmortems, 2),
        };
      }),
    },
  };
}
