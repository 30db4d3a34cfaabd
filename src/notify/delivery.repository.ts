import type { Insertable, Selectable } from "kysely";
import type { Executor } from "../db/connect.ts";
import type { DeliveriesTable } from "../db/database.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { DomainError } from "../shared/errors.ts";
import type { Page } from "../shared/page.ts";
import type { Message } from "./message.ts";
import type { ChannelKind, Delivery, DeliveryListQuery } from "./notification.ts";

export type DeliveryRow = Selectable<DeliveriesTable>;

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    channelKind: row.channelKind,
    channelId: row.channelId,
    target: row.target,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export async function getDeliveryRowOrThrow(db: Executor, id: number): Promise<DeliveryRow> {
  const row = await db.selectFrom("deliveries").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw DomainError.notFound(`delivery ${id}`);
  return row;
}

/** Newest first, optionally by status, one keyset page at a time. */
export async function listDeliveries(db: Executor, query: DeliveryListQuery): Promise<Page<Delivery>> {
  let q = db.selectFrom("deliveries").selectAll();
  if (query.status) q = q.where("status", "=", query.status);
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, ["number"]) as [number];
    q = q.where("id", "<", id);
  }
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toDelivery),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

export interface NewDelivery {
  dedupeKey: string;
  channelKind: ChannelKind;
  channelId: number | null;
  target: string;
  message: Message;
}

/**
 * Queues deliveries due now; one whose dedupe key is already queued is left as it is, so queuing the
 * same thing twice sends it once. Returns how many were new.
 */
export async function queueDeliveries(
  db: Executor,
  deliveries: NewDelivery[],
  nowIso: string,
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const rows: Insertable<DeliveriesTable>[] = deliveries.map((d) => ({
    dedupeKey: d.dedupeKey,
    channelKind: d.channelKind,
    channelId: d.channelId,
    target: d.target,
    subject: d.message.title,
    body: JSON.stringify(d.message),
    status: "pending",
    nextAttemptAt: nowIso,
    createdAt: nowIso,
  }));
  const inserted = await db
    .insertInto("deliveries")
    .values(rows)
    .onConflict((oc) => oc.column("dedupeKey").doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}
