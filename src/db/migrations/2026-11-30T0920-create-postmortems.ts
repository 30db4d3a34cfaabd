import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable("postmortems"))
    .addColumn("incident_id", "integer", (c) =>
      c.notNull().unique().references("incidents.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["draft", "in_review", "published", "closed"])),
    )
    .addColumn("required_decision", "text", (c) =>
      c.check(oneOf("required_decision", ["always", "usually", "skip"])),
    )
    .addColumn("required_reason", "text")
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("root_cause", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("detection", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("resolution", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("contributing_factors"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("lessons"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["went_well", "to_improve"])))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("appendix_links"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .execute();

  for (const table of ["contributing_factors", "lessons", "appendix_links"]) {
    await db.schema
      .createIndex(`${table}_postmortem`)
      .on(table)
      .columns(["postmortem_id", "position"])
      .execute();
  }

  await idColumn(db, db.schema.createTable("why_nodes"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("parent_id", "integer", (c) => c.references("why_nodes.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("why_nodes_postmortem")
    .on("why_nodes")
    .columns(["postmortem_id", "parent_id"])
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("postmortem_id", "integer", (c) =>
      c.primaryKey().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("scheduled_at", "text")
    .addColumn("duration_minutes", "integer", (c) => c.notNull().defaultTo(50))
    .addColumn("facilitator", "text")
    .addColumn("facilitator_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("held_at", "text")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("mode_started_at", "text")
    .addColumn("mode_section", "integer")
    .addColumn("mode_section_started_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("meeting_attendees"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("meetings.postmortem_id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("meeting_attendees_postmortem")
    .on("meeting_attendees")
    .column("postmortem_id")
    .execute();

  await db.schema
    .createTable("checklist_ticks")
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull().check(oneOf("phase", ["before", "during", "after"])))
    .addColumn("ticked_by", "text", (c) => c.notNull())
    .addColumn("ticked_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("ticked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("checklist_ticks_pk", ["postmortem_id", "item_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "checklist_ticks",
    "meeting_attendees",
    "meetings",
    "why_nodes",
    "appendix_links",
    "lessons",
    "contributing_factors",
    "postmortems",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
