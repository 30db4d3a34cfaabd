import { sql, type Kysely, type RawBuilder } from "kysely";
import { isSqlite } from "./columns.ts";

// The texts of each post-mortem section, one searchable row per incident; `facets` holds one token per filter
// value (`zv<hex>0` severity, `zs` post-mortem status, `ze` service, `zt` tag) and the start's millennium, century,
// decade, year and month (`zk2 zc20 zd202 zy2024 zm202403`), so filters and date ranges are index lookups.
const TEXT_COLUMNS = [
  "title",
  "impact",
  "root_cause",
  "factors",
  "resolution",
  "lessons",
  "timeline",
  "action_items",
  "facets",
] as const;

/**
 * Full-text search (issue 7): a denormalised `search_documents` row per incident, indexed by SQLite FTS5
 * (external content, kept in step by triggers) or a weighted PostgreSQL `tsvector` with a GIN index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  let table = db.schema
    .createTable("search_documents")
    .addColumn("incident_id", "integer", (c) =>
      c.primaryKey().references("incidents.id").onDelete("cascade"),
    );
  for (const column of TEXT_COLUMNS)
    table = table.addColumn(column, "text", (c) => c.notNull().defaultTo(""));
  table = table.addColumn("started_at", "text", (c) => c.notNull());
  if (!sqlite) {
    table = table.addColumn("tsv", sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', impact || ' ' || root_cause || ' ' || factors), 'B')
            || setweight(to_tsvector('english', resolution || ' ' || lessons || ' ' || timeline || ' ' || action_items), 'C')
            || to_tsvector('simple', facets)`,
        )
        .stored(),
    );
  }
  await table.execute();

  if (sqlite) {
    // FTS5 reads the texts from search_documents (external content); the triggers keep its index in step.
    const columns = sql.raw(TEXT_COLUMNS.join(", "));
    const values = (prefix: string) => sql.raw(TEXT_COLUMNS.map((c) => `${prefix}.${c}`).join(", "));
    await sql`create virtual table search_fts using fts5(${columns}, content='search_documents',
      content_rowid='incident_id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4 5 6')`.execute(
      db,
    );
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, ${columns}) values (new.incident_id, ${values("new")}); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.incident_id, ${values("old")}); end`.execute(
      db,
    );
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.incident_id, ${values("old")});
      insert into search_fts(rowid, ${columns}) values (new.incident_id, ${values("new")}); end`.execute(db);
  } else {
    // Keep the tsvector in the row (the texts go to TOAST first): a match check then reads one page, not three.
    await sql`alter table search_documents alter column tsv set storage main`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  }
  await sql`insert into search_documents (incident_id, ${sql.raw(TEXT_COLUMNS.join(", "))}, started_at)
    ${documentsSelect(sqlite)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable("search_documents").execute();
}

const DATE_TOKENS = sql.raw(`'zk' || substr(i.started_at, 1, 1) || ' zc' || substr(i.started_at, 1, 2)
  || ' zd' || substr(i.started_at, 1, 3) || ' zy' || substr(i.started_at, 1, 4)
  || ' zm' || substr(i.started_at, 1, 4) || substr(i.started_at, 6, 2)`);

/** Every incident's searchable texts, assembled from the tables they live in. */
function documentsSelect(sqlite: boolean): RawBuilder<unknown> {
  const lines = (value: string, from: string, order: string) =>
    sqlite
      ? sql.raw(`coalesce((select group_concat(${value}, char(10) order by ${order}) from ${from}), '')`)
      : sql.raw(`coalesce((select string_agg(${value}, E'\\n' order by ${order}) from ${from}), '')`);
  const hex = (value: string) =>
    sql.raw(sqlite ? `lower(hex(${value}))` : `encode(convert_to(${value}, 'UTF8'), 'hex')`);
  const labelToken = sql.raw(`(case l.kind when 'service' then 'ze' else 'zt' end)`);
  return sql`select i.id, i.title, i.impact, coalesce(p.root_cause, ''),
      ${lines("text", "contributing_factors f where f.postmortem_id = p.id", "f.position")},
      coalesce(p.resolution, ''),
      ${lines("text", "lessons s where s.postmortem_id = p.id", "s.kind, s.position")},
      ${lines("text", "timeline_entries t where t.incident_id = i.id", "t.occurred_at, t.id")},
      ${lines("title", "action_items a where a.postmortem_id = p.id", "a.position")},
      'zv' || ${hex("i.severity")} || '0 zs' || ${hex("coalesce(p.status, '')")} || '0 ' || coalesce((select
        ${sqlite ? sql.raw("group_concat(") : sql.raw("string_agg(")}${labelToken} || ${hex("l.value")} || '0', ' ')
        from incident_labels l where l.incident_id = i.id), '') || ' ' || ${DATE_TOKENS},
      i.started_at
    from incidents i left join postmortems p on p.incident_id = i.id`;
}
