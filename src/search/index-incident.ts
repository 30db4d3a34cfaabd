import { sql, SqliteAdapter, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";

export function isSqliteDb(db: Executor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The token a filter value is indexed under (`facets` column): kind letter, UTF-8 hex, and a digit no stemmer strips. */
export function facetToken(kind: "severity" | "status" | "service" | "tag", value: string): string {
  const letter = { severity: "v", status: "s", service: "e", tag: "t" }[kind];
  return `z${letter}${Buffer.from(value, "utf8").toString("hex")}0`;
}

// The start's millennium, century, decade, year and month (`zk2 zc20 zd202 zy2024 zm202403`): see dateCover.
const DATE_TOKENS = sql.raw(`'zk' || substr(i.started_at, 1, 1) || ' zc' || substr(i.started_at, 1, 2)
  || ' zd' || substr(i.started_at, 1, 3) || ' zy' || substr(i.started_at, 1, 4)
  || ' zm' || substr(i.started_at, 1, 4) || substr(i.started_at, 6, 2)`);

/** Every incident's (or one incident's) searchable texts, assembled from the tables they live in. */
function documentsSelect(sqlite: boolean, incidentId: number | null): RawBuilder<unknown> {
  const lines = (value: string, from: string, order: string) =>
    sqlite
      ? sql.raw(`coalesce((select group_concat(${value}, char(10) order by ${order}) from ${from}), '')`)
      : sql.raw(`coalesce((select string_agg(${value}, E'\\n' order by ${order}) from ${from}), '')`);
  const hex = (value: string) =>
    sql.raw(sqlite ? `lower(hex(${value}))` : `encode(convert_to(${value}, 'UTF8'), 'hex')`);
  const concat = sql.raw(sqlite ? "group_concat(" : "string_agg(");
  const labelToken = sql.raw(`(case l.kind when 'service' then 'ze' else 'zt' end)`);
  const where = incidentId === null ? sql`` : sql`where i.id = ${incidentId}`;
  return sql`select i.id, i.title, i.impact, coalesce(p.root_cause, ''),
      ${lines("text", "contributing_factors f where f.postmortem_id = p.id", "f.position")},
      coalesce(p.resolution, ''),
      ${lines("text", "lessons s where s.postmortem_id = p.id", "s.kind, s.position")},
      ${lines("text", "timeline_entries t where t.incident_id = i.id", "t.occurred_at, t.id")},
      ${lines("title", "action_items a where a.postmortem_id = p.id", "a.position")},
      'zv' || ${hex("i.severity")} || '0 zs' || ${hex("coalesce(p.status, '')")} || '0 ' || coalesce((select
        ${concat}${labelToken} || ${hex("l.value")} || '0', ' ') from incident_labels l where l.incident_id = i.id), '')
        || ' ' || ${DATE_TOKENS},
      i.started_at
    from incidents i left join postmortems p on p.incident_id = i.id ${where}`;
}

const INSERT_COLUMNS = sql.raw(
  "incident_id, title, impact, root_cause, factors, resolution, lessons, timeline, action_items, facets, started_at",
);

/**
 * Rebuilds one incident's search row from its incident, post-mortem, timeline and action items; every verb
 * that changes one of those texts (or a filter value) calls it in its own transaction, so search is never stale.
 */
export async function reindexIncident(trx: Executor, incidentId: number): Promise<void> {
  const plain = trx.withoutPlugins();
  await sql`delete from search_documents where incident_id = ${incidentId}`.execute(plain);
  await sql`insert into search_documents (${INSERT_COLUMNS}) ${documentsSelect(isSqliteDb(trx), incidentId)}`.execute(
    plain,
  );
}

/** Rebuilds every search row at once (after a bulk load), then lets the database refresh its statistics. */
export async function reindexAll(db: Executor): Promise<void> {
  const plain = db.withoutPlugins();
  const sqlite = isSqliteDb(db);
  await plain.transaction().execute(async (trx) => {
    // A whole corpus takes longer than the connection's statement timeout allows one query.
    if (!sqlite) await sql`set local statement_timeout = 0`.execute(trx);
    await sql`delete from search_documents`.execute(trx);
    await sql`insert into search_documents (${INSERT_COLUMNS}) ${documentsSelect(sqlite, null)}`.execute(trx);
  });
  if (sqlite) {
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(plain);
    await sql`analyze`.execute(plain);
  } else {
    // Visibility map and statistics: counting matches then reads only the GIN index.
    await sql`vacuum analyze search_documents`.execute(plain);
  }
}

/** `reindexIncident` for the incident a post-mortem belongs to. */
export async function reindexPostmortem(trx: Executor, postmortemId: number): Promise<void> {
  const row = await trx
    .selectFrom("postmortems")
    .select("incidentId")
    .where("id", "=", postmortemId)
    .executeTakeFirst();
  if (row) await reindexIncident(trx, row.incidentId);
}
