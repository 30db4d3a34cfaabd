import type { Executor, Trx } from "../db/connect.ts";
import { lockPostmortem } from "../postmortems/postmortem.repository.ts";
import { reopenIfNeeded } from "../process/close-postmortem.ts";
import type { ActionItemRow } from "../db/database.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { incidentHasLabel, parseIncidentKey } from "../incidents/incident.repository.ts";
import type { Clock } from "../shared/clock.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { DomainError } from "../shared/errors.ts";
import type { Page, PageQuery } from "../shared/page.ts";
import { toUtcIso } from "../shared/time.ts";
import type { ActionItem, ActionItemListQuery, NewActionItem } from "./action-item.ts";

type ActionItemWithIncident = ActionItemRow & { incidentNumber: number };

export const STILL_TO_DO = ["open", "in_progress"] as const;

/** How owners are matched in any case, the same on every database: folded here, not by SQL lower(). */
export function ownerKey(owner: string): string;
export function ownerKey(owner: string | null): string | null;
export function ownerKey(owner: string | null): string | null {
  return owner === null ? null : owner.trim().toLocaleLowerCase("und");
}

/** Today's date in UTC (`YYYY-MM-DD`): an item due before it and still to do is overdue. */
export function utcToday(clock: Clock): string {
  return toUtcIso(clock.now()).slice(0, 10);
}

export function toActionItem(row: ActionItemWithIncident, today: string): ActionItem {
  return {
    id: row.id,
    incidentKey: formatIncidentKey(row.incidentNumber),
    title: row.title,
    owner: row.owner,
    dueDate: row.dueDate,
    type: row.type,
    priority: row.priority,
    status: row.status,
    wontDoReason: row.wontDoReason,
    externalUrl: row.externalUrl,
    completedAt: row.completedAt,
    whyNodeId: row.whyNodeId,
    overdue:
      row.dueDate !== null && row.dueDate < today && (STILL_TO_DO as readonly string[]).includes(row.status),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function selectWithIncident(db: Executor) {
  return db
    .selectFrom("actionItems")
    .innerJoin("postmortems", "postmortems.id", "actionItems.postmortemId")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .selectAll("actionItems")
    .select("incidents.number as incidentNumber");
}

export async function findActionItemRow(db: Executor, id: number): Promise<ActionItemRow | undefined> {
  return db.selectFrom("actionItems").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getActionItemRowOrThrow(db: Executor, id: number): Promise<ActionItemRow> {
  const row = await findActionItemRow(db, id);
  if (!row) throw DomainError.notFound(`action item ${id}`);
  return row;
}

export async function getActionItemOrThrow(db: Executor, clock: Clock, id: number): Promise<ActionItem> {
  const row = await selectWithIncident(db).where("actionItems.id", "=", id).executeTakeFirst();
  if (!row) throw DomainError.notFound(`action item ${id}`);
  return toActionItem(row, utcToday(clock));
}

/** Inserts an open action item at the end of its post-mortem's list; returns its id. */
export async function insertActionItem(
  trx: Trx,
  postmortemId: number,
  input: NewActionItem,
  nowIso: string,
  whyNodeId: number | null = null,
): Promise<number> {
  await lockPostmortem(trx, postmortemId);
  const last = await trx
    .selectFrom("actionItems")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const { id } = await trx
    .insertInto("actionItems")
    .values({
      postmortemId,
      whyNodeId,
      title: input.title,
      owner: input.owner ?? null,
      ownerKey: ownerKey(input.owner ?? null),
      dueDate: input.dueDate ?? null,
      type: input.type,
      priority: input.priority,
      status: "open",
      externalUrl: input.externalUrl ?? null,
      position,
      createdAt: nowIso,
      updatedAt: nowIso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await reopenIfNeeded(trx, postmortemId, nowIso);
  return id;
}

/** One post-mortem's action items in the order they were added, one keyset page at a time. */
export async function listIncidentActionItems(
  db: Executor,
  clock: Clock,
  postmortemId: number,
  query: PageQuery,
): Promise<Page<ActionItem>> {
  let q = selectWithIncident(db).where("actionItems.postmortemId", "=", postmortemId);
  if (query.cursor) {
    const [position, id] = decodeCursor(query.cursor, ["number", "number"]) as [number, number];
    q = q.where((eb) =>
      eb.or([
        eb("actionItems.position", ">", position),
        eb.and([eb("actionItems.position", "=", position), eb("actionItems.id", ">", id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy("actionItems.position")
    .orderBy("actionItems.id")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, clock, (last) => [last.position, last.id]);
}

/**
 * Action items across all post-mortems, soonest due first (no due date last, then by id),
 * filtered by owner (any of several, any case), status, overdue (by the clock's UTC date), incident
 * and service (of the item's incident).
 */
export async function listActionItems(
  db: Executor,
  clock: Clock,
  query: ActionItemListQuery,
): Promise<Page<ActionItem>> {
  const today = utcToday(clock);
  let q = selectWithIncident(db);
  if (query.owner) {
    q = q.where(
      "actionItems.ownerKey",
      "in",
      query.owner.map((owner) => ownerKey(owner)),
    );
  }
  if (query.status) q = q.where("actionItems.status", "=", query.status);
  if (query.overdue !== undefined) {
    q = q.where((eb) => {
      const overdue = eb.and([
        eb("actionItems.dueDate", "<", today),
        eb("actionItems.status", "in", STILL_TO_DO),
      ]);
      return query.overdue
        ? overdue
        : eb.or([
            eb("actionItems.dueDate", "is", null),
            eb("actionItems.dueDate", ">=", today),
            eb("actionItems.status", "not in", STILL_TO_DO),
          ]);
    });
  }
  if (query.incident) {
    q = q.where("incidents.number", "=", parseIncidentKey(query.incident) ?? -1);
  }
  if (query.service) {
    const service = query.service;
    q = q.where((eb) => incidentHasLabel(eb, "service", service));
  }
  if (query.cursor) {
    // An empty due date in the cursor stands for "no due date": those come after every dated item.
    const [dueDate, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) =>
      dueDate === ""
        ? eb.and([eb("actionItems.dueDate", "is", null), eb("actionItems.id", ">", id)])
        : eb.or([
            eb("actionItems.dueDate", "is", null),
            eb("actionItems.dueDate", ">", dueDate),
            eb.and([eb("actionItems.dueDate", "=", dueDate), eb("actionItems.id", ">", id)]),
          ]),
    );
  }
  const rows = await q
    .orderBy((eb) => eb.case().when("actionItems.dueDate", "is", null).then(1).else(0).end())
    .orderBy("actionItems.dueDate")
    .orderBy("actionItems.id")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, clock, (last) => [last.dueDate ?? "", last.id]);
}

function toPage(
  rows: ActionItemWithIncident[],
  limit: number,
  clock: Clock,
  keyOf: (last: ActionItemWithIncident) => (string | number)[],
): Page<ActionItem> {
  const today = utcToday(clock);
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => toActionItem(row, today)),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
