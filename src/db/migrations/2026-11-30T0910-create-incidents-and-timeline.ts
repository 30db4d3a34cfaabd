import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per sequence; `UPDATE … RETURNING` on it hands out incident numbers without gaps or races.
  await db.schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("incidents"))
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull().check(oneOf("severity", ["P1", "P2", "P3"])))
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["open", "mitigated", "resolved"])))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("detected_at", "text")
    .addColumn("mitigated_at", "text")
    .addColumn("resolved_at", "text")
    .addColumn("impact", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("customer_impact", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("data_loss", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("security", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source", "text", (c) =>
      c
        .notNull()
        .check(
          oneOf("source", [
            "manual",
            "alertmanager",
            "grafana",
            "pagerduty",
            "slack-import",
            "markdown-import",
          ]),
        ),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    // Bumped by every timeline write, so readers can tell whether a timeline changed with one lookup.
    .addColumn("timeline_revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incidents_started_at").on("incidents").columns(["started_at", "id"]).execute();
  await db.schema.createIndex("incidents_status").on("incidents").column("status").execute();

  await db.schema
    .createTable("incident_labels")
    .addColumn("incident_id", "integer", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["service", "tag"])))
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_labels_pk", ["incident_id", "kind", "value"])
    .execute();
  await db.schema
    .createIndex("incident_labels_value")
    .on("incident_labels")
    .columns(["kind", "value"])
    .execute();

  await idColumn(db, db.schema.createTable("timeline_entries"))
    .addColumn("incident_id", "integer", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(oneOf("kind", ["event", "action", "decision", "observation", "alert", "communication"])),
    )
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author", "text")
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("timeline_entries_order")
    .on("timeline_entries")
    .columns(["incident_id", "occurred_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("timeline_entries").execute();
  await db.schema.dropTable("incident_labels").execute();
  await db.schema.dropTable("incidents").execute();
  await db.schema.dropTable("counters").execute();
}
