import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable("action_items"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("why_node_id", "integer", (c) => c.references("why_nodes.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner", "text")
    // The owner folded to lower case by the app (Unicode-aware, unlike SQLite's lower()), for the board filter.
    .addColumn("owner_key", "text")
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_date", "text")
    .addColumn("type", "text", (c) =>
      c.notNull().check(oneOf("type", ["prevent", "detect", "mitigate", "process"])),
    )
    .addColumn("priority", "text", (c) => c.notNull().check(oneOf("priority", ["high", "medium", "low"])))
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["open", "in_progress", "done", "wont_do"])),
    )
    .addColumn("wont_do_reason", "text")
    .addColumn("external_url", "text")
    .addColumn("completed_at", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("action_items_postmortem")
    .on("action_items")
    .columns(["postmortem_id", "position"])
    .execute();
  await db.schema
    .createIndex("action_items_status_due")
    .on("action_items")
    .columns(["status", "due_date"])
    .execute();
  await db.schema.createIndex("action_items_owner").on("action_items").column("owner_key").execute();
  // A why becomes at most one action item; NULLs are distinct on both dialects, so unlinked items are free.
  await db.schema
    .createIndex("action_items_why_node")
    .on("action_items")
    .column("why_node_id")
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("action_items").execute();
}
