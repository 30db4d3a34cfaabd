import { sql } from "kysely";
import type { Executor } from "../db/connect.ts";
import { CANDIDATES, facetGroups, type RankedPage, type SearchFilters } from "./filters.ts";
import { toFts5Match, type Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";

const TEXT_COLUMNS = "{title impact root_cause factors resolution lessons timeline action_items}";
// bm25 weights per FTS5 column, in table order; the last column (facets) never counts.
const WEIGHTS = sql.raw("10.0, 4.0, 4.0, 4.0, 2.0, 2.0, 1.0, 2.0, 0.0");

function textMatch(clauses: readonly Clause[], columns = TEXT_COLUMNS): string {
  return `${columns} : (${toFts5Match(clauses)})`;
}

function withFacets(match: string, filters: SearchFilters): string {
  return (
    match +
    facetGroups(filters)
      .map((group) => ` AND {facets} : (${group.join(" OR ")})`)
      .join("")
  );
}

/** Matches of `match` in table alias `f` (its MATCH column is `f.search_fts`), within the date bounds. */
function matches(alias: string, match: string, filters: SearchFilters) {
  const f = sql.raw(alias);
  const dated = filters.from || filters.to;
  return sql`search_fts ${f} ${dated ? sql`join search_documents ${sql.raw(`${alias}d`)} on ${sql.raw(`${alias}d`)}.incident_id = ${f}.rowid` : sql``}
    where ${f}.search_fts match ${match}
    ${filters.from ? sql`and ${sql.raw(`${alias}d`)}.started_at >= ${filters.from}` : sql``}
    ${filters.to ? sql`and ${sql.raw(`${alias}d`)}.started_at < ${filters.to}` : sql``}`;
}

/**
 * Matching incidents, best first by bm25 over weighted columns (title highest), one page, and how many
 * match. Past CANDIDATES matches, the newest CANDIDATES are the ones ranked.
 */
export async function rankSqlite(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const plain = db.withoutPlugins();
  const match = withFacets(textMatch(clauses), filters);
  const count = await sql<{
    total: number;
  }>`select count(*) as total from ${matches("f", match, filters)}`.execute(plain);
  const total = Number(count.rows[0]?.total ?? 0);
  if (total === 0 || offset >= total) return { rows: [], total };
  // FTS5 walks the matches newest first and stops after CANDIDATES; only those get a bm25 score.
  const ranked = await sql<{ id: number; score: number }>`select id, score from (
      select f.rowid as id, -bm25(search_fts, ${WEIGHTS}) as score from ${matches("f", match, filters)}
      order by f.rowid desc limit ${CANDIDATES})
    order by score desc, id desc limit ${limit} offset ${offset}`.execute(plain);
  return { rows: ranked.rows, total };
}

/** Each page row's fields with matches marked (`highlight` for the title, `snippet` elsewhere). */
export async function markSqlite(
  db: Executor,
  clauses: readonly Clause[],
  ids: readonly number[],
): Promise<Map<number, Record<string, string | null>>> {
  if (ids.length === 0) return new Map();
  const columns = SNIPPET_COLUMNS.map(([, column], index) =>
    index === 0
      ? sql`highlight(search_fts, 0, ${MATCH_START}, ${MATCH_END}) as ${sql.ref(column)}`
      : sql`snippet(search_fts, ${sql.lit(index)}, ${MATCH_START}, ${MATCH_END}, '…', 16) as ${sql.ref(column)}`,
  );
  const result = await sql<
    Record<string, string | null> & { id: number }
  >`select rowid as id, ${sql.join(columns)}
    from search_fts where search_fts match ${textMatch(clauses)}
    and rowid in (${sql.join(ids.map((id) => sql.lit(id)))})`.execute(db.withoutPlugins());
  return new Map(result.rows.map((row) => [row.id, row]));
}
