import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

/**
 * The review process (SPEC §3): settings admins change, the publish override, the meeting's agenda, and
 * notifications: events to announce, reminders that must go out exactly once, and their deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await db.schema.alterTable("postmortems").addColumn("publish_override_reason", "text").execute();
  await db.schema.alterTable("postmortems").addColumn("publish_override_by", "text").execute();
  await db.schema.alterTable("meetings").addColumn("agenda", "text").execute();

  await idColumn(db, db.schema.createTable("events"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("dispatched_at", "text")
    .execute();
  await db.schema.createIndex("events_undispatched").on("events").columns(["dispatched_at", "id"]).execute();

  await idColumn(db, db.schema.createTable("reminders"))
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("recipient", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("notification_channels"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["email", "slack", "webhook"])))
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("secret", "text")
    .addColumn("events", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("deliveries"))
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("channel_kind", "text", (c) =>
      c.notNull().check(oneOf("channel_kind", ["email", "slack", "webhook"])),
    )
    .addColumn("channel_id", "integer", (c) => c.references("notification_channels.id").onDelete("set null"))
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["pending", "sending", "sent", "failed"])),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("deliveries_due")
    .on("deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["deliveries", "notification_channels", "reminders", "events", "settings"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("meetings").dropColumn("agenda").execute();
  await db.schema.alterTable("postmortems").dropColumn("publish_override_by").execute();
  await db.schema.alterTable("postmortems").dropColumn("publish_override_reason").execute();
}
