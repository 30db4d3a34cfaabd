import type { Selectable } from "kysely";
import type { Executor } from "../db/connect.ts";
import type { NotificationChannelsTable } from "../db/database.ts";
import { DomainError } from "../shared/errors.ts";
import { NotificationKinds, type Channel, type NotificationKind } from "./notification.ts";

export type ChannelRow = Selectable<NotificationChannelsTable>;

/** The kinds a channel receives; unknown names (from a newer or older release) are ignored. */
export function channelEvents(row: ChannelRow): NotificationKind[] {
  const parsed: unknown = JSON.parse(row.events);
  return Array.isArray(parsed)
    ? parsed.filter((k): k is NotificationKind => (NotificationKinds as readonly unknown[]).includes(k))
    : [];
}

export function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    target: row.target,
    hasSecret: row.secret !== null,
    events: channelEvents(row),
    enabled: row.enabled === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findChannelRow(db: Executor, id: number): Promise<ChannelRow | undefined> {
  return db.selectFrom("notificationChannels").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getChannelRowOrThrow(db: Executor, id: number): Promise<ChannelRow> {
  const row = await findChannelRow(db, id);
  if (!row) throw DomainError.notFound(`notification channel ${id}`);
  return row;
}

export async function getChannelOrThrow(db: Executor, id: number): Promise<Channel> {
  return toChannel(await getChannelRowOrThrow(db, id));
}

export async function listChannels(db: Executor): Promise<Channel[]> {
  const rows = await db.selectFrom("notificationChannels").selectAll().orderBy("name").execute();
  return rows.map(toChannel);
}

/** Enabled channels that subscribed to `kind`. */
export async function channelsFor(db: Executor, kind: NotificationKind): Promise<ChannelRow[]> {
  const rows = await db
    .selectFrom("notificationChannels")
    .selectAll()
    .where("enabled", "=", 1)
    .orderBy("id")
    .execute();
  return rows.filter((row) => channelEvents(row).includes(kind));
}
