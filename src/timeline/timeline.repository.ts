import type { Executor } from "../db/connect.ts";
import type { TimelineEntryRow } from "../db/database.ts";
import { getIncidentRowOrThrow, parseIncidentKey } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { DomainError } from "../shared/errors.ts";
import type { Page } from "../shared/page.ts";
import type { TimelineEntry, TimelineListQuery, TimelineSource } from "./timeline-entry.ts";

// Ids are PostgreSQL `integer`; a larger number can name no entry and must not reach the driver.
const MAX_ID = 2_147_483_647;

function isEntryId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_ID;
}

export function toTimelineEntry(row: TimelineEntryRow, incidentKey: string): TimelineEntry {
  return {
    id: row.id,
    incidentKey,
    occurredAt: row.occurredAt,
    kind: row.kind,
    text: row.text,
    author: row.author,
    source: row.source as TimelineSource,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface IncidentTimelineEntryRow {
  row: TimelineEntryRow;
  /** The canonical key of the incident the entry belongs to (`INC-42`). */
  incidentKey: string;
}

/** The entry with this id on this incident, in one query; an entry of another incident is NOT_FOUND. */
export async function getTimelineEntryRowOrThrow(
  db: Executor,
  incidentKey: string,
  id: number,
): Promise<IncidentTimelineEntryRow> {
  const number = parseIncidentKey(incidentKey);
  const found =
    number === undefined || !isEntryId(id)
      ? undefined
      : await db
          .selectFrom("timelineEntries")
          .innerJoin("incidents", "incidents.id", "timelineEntries.incidentId")
          .selectAll("timelineEntries")
          .where("incidents.number", "=", number)
          .where("timelineEntries.id", "=", id)
          .executeTakeFirst();
  if (!found) throw DomainError.notFound(`timeline entry ${id} of incident ${incidentKey}`);
  return { row: found, incidentKey: formatIncidentKey(number!) };
}

export async function getTimelineEntryOrThrow(
  db: Executor,
  incidentKey: string,
  id: number,
): Promise<TimelineEntry> {
  const { row, incidentKey: key } = await getTimelineEntryRowOrThrow(db, incidentKey, id);
  return toTimelineEntry(row, key);
}

/**
 * An incident's timeline in order of time, then insertion, one keyset page at a time: after the
 * incident lookup, a single range scan of the `(incident_id, occurred_at, id)` index.
 */
export async function listTimeline(
  db: Executor,
  incidentKey: string,
  query: TimelineListQuery,
): Promise<Page<TimelineEntry>> {
  const incident = await getIncidentRowOrThrow(db, incidentKey);
  const key = formatIncidentKey(incident.number);
  let q = db.selectFrom("timelineEntries").selectAll().where("incidentId", "=", incident.id);
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (query.from) q = q.where("occurredAt", ">=", query.from);
  if (query.to) q = q.where("occurredAt", "<", query.to);
  if (query.cursor) {
    const [occurredAt, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    if (!isEntryId(id)) throw DomainError.validation("cursor", "is not a cursor this list returned");
    q = q.where((eb) => eb(eb.refTuple("occurredAt", "id"), ">", eb.tuple(occurredAt, id)));
  }
  const rows = await q
    .orderBy("occurredAt")
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => toTimelineEntry(row, key)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurredAt, last.id]) : null,
  };
}
