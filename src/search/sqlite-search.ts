import { sql } from "kysely";
import type { Executor } from "../db/connect.ts";
import {
  CANDIDATES,
  cappedTotal,
  COUNT_CAP,
  datesAreExact,
  facetGroups,
  type RankedPage,
  type SearchFilters,
} from "./filters.ts";
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

/**
 * Matches of `match` (facet and date tokens included) in table alias `f`. Only when the date tokens cover
 * more than the bounds (a bound inside a month) are the candidates joined to their start, FTS5 first.
 */
function matches(match: string, filters: SearchFilters) {
  if (datesAreExact(filters)) return sql`search_fts f where f.search_fts match ${match}`;
  return sql`search_fts f cross join search_documents d on d.incident_id = f.rowid
    where f.search_fts match ${match}
    ${filters.from ? sql`and d.started_at >= ${filters.from}` : sql``}
    ${filters.to ? sql`and d.started_at < ${filters.to}` : sql``}`;
}

/**
 * Matching incidents, best first by bm25 over weighted columns (title highest), one page, and how many
 * match (counted up to COUNT_CAP). Past CANDIDATES matches, the newest CANDIDATES are the ones ranked.
 */
export async function rankSqlite(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const plain = db.withoutPlugins();
  // One walk, newest first, gives the count (up to COUNT_CAP + 1) and the candidates; FTS5 stops it early.
  const newest = await sql<{ id: number }>`select f.rowid as id
    from ${matches(withFacets(textMatch(clauses), filters), filters)}
    order by f.rowid desc limit ${sql.lit(COUNT_CAP + 1)}`.execute(plain);
  const total = cappedTotal(newest.rows.length);
  if (total.total === 0 || offset >= total.total) return { rows: [], ...total };
  const ids = newest.rows.slice(0, CANDIDATES).map((row) => row.id);
  // bm25 scans the whole index entry of every phrase in its MATCH once per statement. Candidates close together
  // are ranked in one walk over their rowid range with the words alone (no facet tokens to scan); scattered ones
  // (a rare filter) by walking the full match again, which the filter keeps short.
  const scattered = ids[0]! - ids.at(-1)! > 4 * ids.length;
  const ranked = await sql<{ id: number; score: number }>`select id, score from (
      select f.rowid as id, -bm25(search_fts, ${WEIGHTS}) as score
      ${
        scattered
          ? sql`from ${matches(withFacets(textMatch(clauses), filters), filters)}
              order by f.rowid desc limit ${sql.lit(CANDIDATES)}`
          : sql`from search_fts f where f.search_fts match ${textMatch(clauses)} and ${amongIds(ids)}`
      })
    order by score desc, id desc limit ${limit} offset ${offset}`.execute(plain);
  return { rows: ranked.rows, ...total };
}

/**
 * Restricts an FTS5 query to these rowids in one walk over their range: `+rowid in` is checked on each row
 * the walk yields, so FTS5 does not re-run the query (a prefix merge, a bm25 scan) once per id.
 */
function amongIds(ids: readonly number[]) {
  return sql`f.rowid between ${sql.lit(Math.min(...ids))} and ${sql.lit(Math.max(...ids))}
    and +f.rowid in (${sql.join(ids.map((id) => sql.lit(id)))})`;
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
  >`select f.rowid as id, ${sql.join(columns)}
    from search_fts f where f.search_fts match ${textMatch(clauses)} and ${amongIds(ids)}`.execute(
    db.withoutPlugins(),
  );
  return new Map(result.rows.map((row) => [row.id, row]));
}
