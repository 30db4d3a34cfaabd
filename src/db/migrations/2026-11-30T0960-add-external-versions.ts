import type { Kysely } from "kysely";
import { idColumn, oneOf } from "./columns.ts";

/**
 * The customer-facing version of a post-mortem (SPEC §5): the text written for customers, the redaction
 * flags someone dismissed with a reason, and the publications the public pages read. Public pages read only
 * `external_publications`, a snapshot taken at publish time, so no draft or internal field can reach them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable("external_versions"))
    .addColumn("incident_id", "integer", (c) =>
      c.notNull().unique().references("incidents.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("impact", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duration", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("changes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["draft", "approved", "published", "unpublished"])),
    )
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("last_edited_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("approved_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("approved_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("redaction_dismissals"))
    .addColumn("external_version_id", "integer", (c) =>
      c.notNull().references("external_versions.id").onDelete("cascade"),
    )
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("match", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("dismissed_by", "text", (c) => c.notNull())
    .addColumn("dismissed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("redaction_dismissals_one", ["external_version_id", "field", "kind", "match"])
    .execute();

  await idColumn(db, db.schema.createTable("external_publications"))
    .addColumn("external_version_id", "integer", (c) =>
      c.notNull().unique().references("external_versions.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("impact", "text", (c) => c.notNull())
    .addColumn("duration", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("incident_started_at", "text", (c) => c.notNull())
    .addColumn("incident_resolved_at", "text")
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("external_publications_recent")
    .on("external_publications")
    .columns(["published_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["external_publications", "redaction_dismissals", "external_versions"]) {
    await db.schema.dropTable(table).execute();
  }
}
