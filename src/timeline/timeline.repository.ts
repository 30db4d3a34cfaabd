import type { Executor } from "../db/connect.ts";
import type { TimelineEntryRow } from "../db/database.ts";
import { getIncidentStampsOrThrow, parseIncidentKey } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { DomainError } from "../shared/errors.ts";
import type { Page } from "../shared/page.ts";
import { stampedCacheFor } from "../shared/stamped-cache.ts";
import { isRowId } from "../shared/ids.ts";
import type { TimelineEntry, TimelineListQuery, TimelineSource } from "./timeline-entry.ts";

// The columns an API entry shows; reading fewer columns is most of what a timeline page costs.
const ENTRY_COLUMNS = [
  "id",
  "occurredAt",
  "kind",
  "text",
  "author",
  "source",
  "version",
  "createdAt",
  "updatedAt",
] as const;
type EntryColumns = Pick<TimelineEntryRow, (typeof ENTRY_COLUMNS)[number]>;

export function toTimelineEntry(row: EntryColumns, incidentKey: string): TimelineEntry {
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
    number === undefined || !isRowId(id)
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

/** Marks an incident's timeline as changed; every verb that writes timeline entries calls it in its transaction. */
export async function touchTimeline(db: Executor, incidentId: number): Promise<void> {
  await db
    .updateTable("incidents")
    .set((eb) => ({ timelineRevision: eb("timelineRevision", "+", 1) }))
    .where("id", "=", incidentId)
    .execute();
}

// Responders' browsers poll the timelines of live incidents; a page is kept until the timeline changes.
const PAGE_CACHE_SIZE = 500;

/**
 * An incident's timeline in order of time, then insertion, one keyset page at a time: after the
 * incident lookup, a single range scan of the `(incident_id, occurred_at, id)` index.
 */
export async function listTimeline(
  db: Executor,
  incidentKey: string,
  query: TimelineListQuery,
): Promise<Page<TimelineEntry>> {
  const incident = await getIncidentStampsOrThrow(db, incidentKey);
  const cache = stampedCacheFor<Page<TimelineEntry>>(db, "timeline-pages", PAGE_CACHE_SIZE);
  const cacheKey = JSON.stringify([incident.id, query.kind, query.from, query.to, query.cursor, query.limit]);
  const cached = cache.get(cacheKey, incident.timelineRevision);
  if (cached) return cached;

  const key = formatIncidentKey(incident.number);
  let q = db.selectFrom("timelineEntries").select(ENTRY_COLUMNS).where("incidentId", "=", incident.id);
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (query.from) q = q.where("occurredAt", ">=", query.from);
  if (query.to) q = q.where("occurredAt", "<", query.to);
  if (query.cursor) {
    const [occurredAt, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    if (!isRowId(id)) throw DomainError.validation("cursor", "is not a cursor this list returned");
    q = q.where((eb) => eb(eb.refTuple("occurredAt", "id"), ">", eb.tuple(occurredAt, id)));
  }
  const rows = await q
    .orderBy("occurredAt")
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  const page = {
    items: pageRows.map((row) => toTimelineEntry(row, key)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurredAt, last.id]) : null,
  };
  cache.set(cacheKey, incident.timelineRevision, page);
  return page;
}
