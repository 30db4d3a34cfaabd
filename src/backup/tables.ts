import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Every table a backup carries, parents before children, each with the columns that order its rows.
 * Left out on purpose: `sessions` (a restore signs everyone out; their cookies mean nothing elsewhere),
 * Kysely's migration bookkeeping (the header records it), and the search index (`search_*`), which is
 * derived from the rest and rebuilt after a restore.
 *
 * A test compares this list with the tables the migrations create, so a new table cannot be forgotten.
 */
export const BACKUP_TABLES: readonly {
  name: string;
  orderBy: readonly string[];
  /** A column pointing at another row of the same table: restored in a second pass, once every row exists. */
  selfReference?: string;
}[] = [
  { name: "users", orderBy: ["id"] },
  { name: "api_tokens", orderBy: ["id"] },
  { name: "counters", orderBy: ["name"] },
  { name: "incidents", orderBy: ["id"] },
  { name: "incident_labels", orderBy: ["incident_id", "kind", "value"] },
  { name: "timeline_entries", orderBy: ["id"] },
  { name: "postmortems", orderBy: ["id"] },
  { name: "contributing_factors", orderBy: ["id"] },
  { name: "lessons", orderBy: ["id"] },
  { name: "appendix_links", orderBy: ["id"] },
  // A why moved under a later one has a parent with a larger id: parents are linked after the insert.
  { name: "why_nodes", orderBy: ["id"], selfReference: "parent_id" },
  { name: "meetings", orderBy: ["postmortem_id"] },
  { name: "meeting_attendees", orderBy: ["id"] },
  { name: "checklist_ticks", orderBy: ["postmortem_id", "item_key"] },
  { name: "action_items", orderBy: ["id"] },
  { name: "stated_durations", orderBy: ["id"] },
  { name: "import_warnings", orderBy: ["id"] },
  { name: "settings", orderBy: ["key"] },
  { name: "events", orderBy: ["id"] },
  { name: "reminders", orderBy: ["id"] },
  { name: "notification_channels", orderBy: ["id"] },
  { name: "deliveries", orderBy: ["id"] },
  { name: "external_versions", orderBy: ["id"] },
  { name: "redaction_dismissals", orderBy: ["id"] },
  { name: "external_publications", orderBy: ["id"] },
];

/** Tables that exist but are not backed up (see above). */
export function isLeftOutOfBackups(table: string): boolean {
  return table === "sessions" || table.startsWith("kysely_") || table.startsWith("search_");
}

export const BACKUP_FORMAT = "hindsight.backup.v1";

/** The first line of a backup file. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The migrations applied to the database it came from, in order: its schema. */
  migrations: string[];
}

/** One line per row between the header and the trailer. */
export interface BackupRow {
  table: string;
  row: Record<string, unknown>;
}

/** The last line: its presence says the file is complete, its counts that nothing was lost. */
export interface BackupTrailer {
  end: true;
  counts: Record<string, number>;
}

/** The tables of this database (on PostgreSQL: of the current schema only, not every schema's). */
export async function tableNames(db: Kysely<never>): Promise<string[]> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const result = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    return result.rows.map((r) => r.name);
  }
  return (await db.introspection.getTables()).map((t) => t.name);
}
