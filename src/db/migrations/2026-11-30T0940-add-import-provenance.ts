import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

/**
 * What an import of another team's post-mortem keeps beside the record: the reference that makes a
 * re-import update it, the durations the document stated, and the warnings the reader gave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("incidents").addColumn("import_ref", "text").execute();
  await db.schema.alterTable("incidents").addColumn("import_digest", "text").execute();
  await db.schema.createIndex("incidents_import_ref").unique().on("incidents").column("import_ref").execute();

  await idColumn(db, db.schema.createTable("stated_durations"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("metric", "text", (c) =>
      c
        .notNull()
        .check(
          oneOf("metric", [
            "detection",
            "recovery",
            "repair",
            "resolve",
            "mitigation",
            "acknowledge",
            "duration",
          ]),
        ),
    )
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("minutes", "integer")
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("stated_durations_postmortem")
    .on("stated_durations")
    .columns(["postmortem_id", "position"])
    .execute();

  await idColumn(db, db.schema.createTable("import_warnings"))
    .addColumn("postmortem_id", "integer", (c) =>
      c.notNull().references("postmortems.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("line", "integer")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_warnings_postmortem")
    .on("import_warnings")
    .columns(["postmortem_id", "position"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("import_warnings").execute();
  await db.schema.dropTable("stated_durations").execute();
  await db.schema.dropIndex("incidents_import_ref").execute();
  await db.schema.alterTable("incidents").dropColumn("import_digest").execute();
  await db.schema.alterTable("incidents").dropColumn("import_ref").execute();
}
