import type { ExpressionBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import type { Database, IncidentLabelsTable, IncidentRow } from "../db/database.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { DomainError } from "../shared/errors.ts";
import type { Page } from "../shared/page.ts";
import { stampedCacheFor } from "../shared/stamped-cache.ts";
import { preparedQuery } from "../db/prepared.ts";
import { formatIncidentKey, type Incident, type IncidentListQuery } from "./incident.ts";

/** `INC-42` → 42; undefined for anything that is not a key. */
export function parseIncidentKey(key: string): number | undefined {
  const match = /^INC-([1-9]\d{0,8})$/i.exec(key.trim());
  return match ? Number(match[1]) : undefined;
}

export async function findIncidentRow(db: Executor, key: string): Promise<IncidentRow | undefined> {
  const number = parseIncidentKey(key);
  if (number === undefined) return undefined;
  return db.selectFrom("incidents").selectAll().where("number", "=", number).executeTakeFirst();
}

export async function getIncidentRowOrThrow(db: Executor, key: string): Promise<IncidentRow> {
  const row = await findIncidentRow(db, key);
  if (!row) throw DomainError.notFound(`incident ${key}`);
  return row;
}

// An incident's labels change only with its version, so the mapped incident is kept per version.
const INCIDENT_CACHE_SIZE = 1_000;

export interface IncidentStamps {
  id: number;
  number: number;
  version: number;
  timelineRevision: number;
}

const selectStamps = preparedQuery((db: Executor, number: number) =>
  db
    .selectFrom("incidents")
    .select(["id", "number", "version", "timelineRevision"])
    .where("number", "=", number),
);

/** What a reader needs to tell whether an incident or its timeline changed: one indexed lookup. */
export async function getIncidentStampsOrThrow(db: Executor, key: string): Promise<IncidentStamps> {
  const number = parseIncidentKey(key);
  const [row] = number === undefined ? [] : await selectStamps(db, number);
  if (!row) throw DomainError.notFound(`incident ${key}`);
  return row;
}

export async function getIncidentOrThrow(db: Executor, key: string): Promise<Incident> {
  const stamps = await getIncidentStampsOrThrow(db, key);
  const cache = stampedCacheFor<Incident>(db, "incidents", INCIDENT_CACHE_SIZE);
  const cached = cache.get(String(stamps.id), stamps.version);
  if (cached) return cached;
  const row = await getIncidentRowOrThrow(db, key);
  const [incident] = await withLabels(db, [row]);
  cache.set(String(row.id), row.version, incident!);
  return incident!;
}

export async function withLabels(db: Executor, rows: IncidentRow[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const labels = await db
    .selectFrom("incidentLabels")
    .selectAll()
    .where(
      "incidentId",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  // Sorted here rather than in SQL, so the order is the same whatever the database's collation.
  labels.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return rows.map((row) => {
    const own = labels.filter((l) => l.incidentId === row.id);
    return toIncident(
      row,
      own.filter((l) => l.kind === "service").map((l) => l.value),
      own.filter((l) => l.kind === "tag").map((l) => l.value),
    );
  });
}

export function toIncident(row: IncidentRow, services: string[], tags: string[]): Incident {
  return {
    key: formatIncidentKey(row.number),
    title: row.title,
    severity: row.severity,
    status: row.status,
    startedAt: row.startedAt,
    detectedAt: row.detectedAt,
    mitigatedAt: row.mitigatedAt,
    resolvedAt: row.resolvedAt,
    impact: row.impact,
    customerImpact: row.customerImpact === 1,
    dataLoss: row.dataLoss === 1,
    security: row.security === 1,
    services,
    tags,
    source: row.source,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function replaceLabels(
  db: Executor,
  incidentId: number,
  kind: "service" | "tag",
  values: readonly string[],
): Promise<void> {
  await db
    .deleteFrom("incidentLabels")
    .where("incidentId", "=", incidentId)
    .where("kind", "=", kind)
    .execute();
  if (values.length > 0) {
    await db
      .insertInto("incidentLabels")
      .values(values.map((value) => ({ incidentId, kind, value })))
      .execute();
  }
}

/** The incident of the outer query (`incidents`) carries this service or tag: a condition for its `where`. */
export function incidentHasLabel(
  eb: ExpressionBuilder<Database, "incidents">,
  kind: IncidentLabelsTable["kind"],
  value: string,
) {
  return eb.exists(
    eb
      .selectFrom("incidentLabels")
      .select("incidentLabels.incidentId")
      .whereRef("incidentLabels.incidentId", "=", "incidents.id")
      .where("incidentLabels.kind", "=", kind)
      .where("incidentLabels.value", "=", value),
  );
}

/** Newest first (by start time, then key), filtered, one keyset page at a time. */
export async function listIncidents(db: Executor, query: IncidentListQuery): Promise<Page<Incident>> {
  let q = db.selectFrom("incidents").selectAll("incidents");
  if (query.status) q = q.where("status", "=", query.status);
  if (query.severity) q = q.where("severity", "=", query.severity);
  if (query.from) q = q.where("startedAt", ">=", query.from);
  if (query.to) q = q.where("startedAt", "<", query.to);
  for (const [kind, value] of [
    ["service", query.service],
    ["tag", query.tag],
  ] as const) {
    if (value) q = q.where((eb) => incidentHasLabel(eb, kind, value));
  }
  if (query.cursor) {
    const [startedAt, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) =>
      eb.or([eb("startedAt", "<", startedAt), eb.and([eb("startedAt", "=", startedAt), eb("id", "<", id)])]),
    );
  }
  const rows = await q
    .orderBy("startedAt", "desc")
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    items: await withLabels(db, pageRows),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.startedAt, last.id]) : null,
  };
}

export interface PostmortemRef {
  incidentId: number;
  incidentKey: string;
  postmortemId: number;
}

/** The post-mortem that belongs to an incident (every incident has exactly one). */
export async function getPostmortemRefOrThrow(db: Executor, key: string): Promise<PostmortemRef> {
  const number = parseIncidentKey(key);
  const row =
    number === undefined
      ? undefined
      : await db
          .selectFrom("incidents")
          .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
          .select(["incidents.id as incidentId", "incidents.number", "postmortems.id as postmortemId"])
          .where("incidents.number", "=", number)
          .executeTakeFirst();
  if (!row) throw DomainError.notFound(`incident ${key}`);
  return {
    incidentId: row.incidentId,
    incidentKey: formatIncidentKey(row.number),
    postmortemId: row.postmortemId,
  };
}
