import { sql, type Kysely } from "kysely";
import { isSqlite } from "./columns.ts";

/**
 * PostgreSQL only: the filter tokens alone (`facet_tsv`) beside each incident id in a narrow index, so a
 * search filtered to a small share of post-mortems walks the newest ids checking filters in the index and
 * reads a row only when they pass (see postgres-search.ts). SQLite's FTS5 filters in its own index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`alter table search_documents add column facet_tsv tsvector
    generated always as (to_tsvector('simple', facets)) stored`.execute(db);
  await sql`create index search_documents_facets on search_documents (incident_id) include (facet_tsv)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`alter table search_documents drop column facet_tsv`.execute(db);
}
