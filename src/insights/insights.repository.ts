import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import { incidentHasLabel } from "../incidents/incident.repository.ts";
import type { Severity } from "../incidents/incident.ts";

/** The incidents a report covers: started in [from, to), optionally of one severity, service and tag. */
export interface InsightsScope {
  from: string;
  to: string;
  severity: Severity | null;
  service: string | null;
  tag: string | null;
}

/** The ids of the incidents in scope, as a subquery. */
export function scopedIncidentIds(db: Executor, scope: InsightsScope) {
  let q = db
    .selectFrom("incidents")
    .select("incidents.id")
    .where("incidents.startedAt", ">=", scope.from)
    .where("incidents.startedAt", "<", scope.to);
  if (scope.severity) q = q.where("incidents.severity", "=", scope.severity);
  for (const [kind, value] of [
    ["service", scope.service],
    ["tag", scope.tag],
  ] as const) {
    if (value !== null) q = q.where((eb) => incidentHasLabel(eb, kind, value));
  }
  return q;
}

// Timestamps are canonical ISO text on both dialects, so the month is their first seven characters.
// Literals, not parameters: PostgreSQL only matches a GROUP BY expression to the select list when identical.
const startMonth: RawBuilder<string> = sql<string>`substr(${sql.ref("incidents.startedAt")}, 1, 7)`;

/** Incident counts by start month and severity. */
export async function countIncidentsByMonth(db: Executor, scope: InsightsScope) {
  const rows = await db
    .selectFrom("incidents")
    .select((eb) => [
      startMonth.as("month"),
      "incidents.severity",
      eb.fn.countAll<number | string>().as("count"),
    ])
    .where("incidents.id", "in", scopedIncidentIds(db, scope))
    .groupBy([startMonth, "incidents.severity"])
    .execute();
  return rows.map((row) => ({ month: row.month, severity: row.severity, count: Number(row.count) }));
}

/** One row per incident in scope with what the duration, review and policy figures need. */
export async function listIncidentFacts(db: Executor, scope: InsightsScope) {
  const rows = await db
    .selectFrom("incidents")
    .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
    .leftJoin("meetings", "meetings.postmortemId", "postmortems.id")
    .select([
      "incidents.id",
      "incidents.severity",
      "incidents.startedAt",
      "incidents.detectedAt",
      "incidents.resolvedAt",
      "incidents.customerImpact",
      "incidents.dataLoss",
      "incidents.security",
      "postmortems.status as postmortemStatus",
      "postmortems.publishedAt",
      "postmortems.requiredDecision",
      "meetings.heldAt",
    ])
    .where("incidents.id", "in", scopedIncidentIds(db, scope))
    .orderBy("incidents.startedAt")
    .orderBy("incidents.id")
    .execute();
  return rows;
}
export type IncidentFacts = Awaited<ReturnType<typeof listIncidentFacts>>[number];

/** Services and tags of the incidents in scope. */
export async function listScopedLabels(db: Executor, scope: InsightsScope) {
  return db
    .selectFrom("incidentLabels")
    .select(["incidentId", "kind", "value"])
    .where("incidentId", "in", scopedIncidentIds(db, scope))
    .execute();
}

/** The kinds of timeline entry each incident in scope holds (the policy reads them). */
export async function listScopedTimelineKinds(db: Executor, scope: InsightsScope) {
  return db
    .selectFrom("timelineEntries")
    .select(["incidentId", "kind"])
    .distinct()
    .where("incidentId", "in", scopedIncidentIds(db, scope))
    .execute();
}

/** The contributing factors written in the post-mortems of the incidents in scope. */
export async function listScopedFactors(db: Executor, scope: InsightsScope) {
  return db
    .selectFrom("contributingFactors")
    .innerJoin("postmortems", "postmortems.id", "contributingFactors.postmortemId")
    .select(["postmortems.incidentId", "contributingFactors.text"])
    .where("postmortems.incidentId", "in", scopedIncidentIds(db, scope))
    .execute();
}

/** Action item counts by the start month of their incident and by status; `overdue` as of `today`. */
export async function countActionItemsByMonth(db: Executor, scope: InsightsScope, today: string) {
  const rows = await db
    .selectFrom("actionItems")
    .innerJoin("postmortems", "postmortems.id", "actionItems.postmortemId")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select((eb) => [
      startMonth.as("month"),
      "actionItems.status",
      eb.fn.countAll<number | string>().as("count"),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(
              eb.and([
                eb("actionItems.dueDate", "<", today),
                eb("actionItems.status", "in", ["open", "in_progress"]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as("overdue"),
    ])
    .where("incidents.id", "in", scopedIncidentIds(db, scope))
    .groupBy([startMonth, "actionItems.status"])
    .execute();
  return rows.map((row) => ({
    month: row.month,
    status: row.status,
    count: Number(row.count),
    overdue: Number(row.overdue ?? 0),
  }));
}

/** When each done action item of the incidents in scope was created and completed. */
export async function listClosedActionItems(db: Executor, scope: InsightsScope) {
  const rows = await db
    .selectFrom("actionItems")
    .innerJoin("postmortems", "postmortems.id", "actionItems.postmortemId")
    .select(["actionItems.createdAt", "actionItems.completedAt"])
    .where("actionItems.status", "=", "done")
    .where("actionItems.completedAt", "is not", null)
    .where("postmortems.incidentId", "in", scopedIncidentIds(db, scope))
    .execute();
  return rows.map((row) => ({ createdAt: row.createdAt, completedAt: row.completedAt! }));
}
