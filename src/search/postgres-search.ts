import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import {
  CANDIDATES,
  cappedTotal,
  COUNT_CAP,
  facetGroups,
  type RankedPage,
  type SearchFilters,
} from "./filters.ts";
import type { Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";

const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;

/** The clauses as one tsquery; words are letters and digits only, and every value is a bound parameter. */
function textQuery(clauses: readonly Clause[]): RawBuilder<unknown> {
  const parts = clauses.map((clause) => {
    const phrase = clause.prefix ? clause.words.slice(0, -1) : clause.words;
    const exact = phrase.length > 0 ? sql`phraseto_tsquery('english', ${phrase.join(" ")})` : null;
    if (!clause.prefix) return exact!;
    const prefix = sql`to_tsquery('english', ${`${clause.words.at(-1)!}:*`})`;
    return exact ? sql`tsquery_phrase(${exact}, ${prefix})` : prefix;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

function where(clauses: readonly Clause[], filters: SearchFilters): RawBuilder<unknown> {
  // Date bounds stay column comparisons on the row the walk reads anyway: as tokens they slow the GIN scan.
  const groups = facetGroups(filters, false);
  const facets =
    groups.length > 0
      ? sql` && to_tsquery('simple', ${groups.map((g) => `(${g.join(" | ")})`).join(" & ")})`
      : sql``;
  return sql`tsv @@ (${textQuery(clauses)}${facets})
    ${filters.from ? sql`and started_at >= ${filters.from}` : sql``}
    ${filters.to ? sql`and started_at < ${filters.to}` : sql``}`;
}

/**
 * Matching incidents, best first by cover density over weighted sections (title highest), one page, and how
 * many match (counted up to COUNT_CAP). Past CANDIDATES matches, the newest CANDIDATES are the ones ranked.
 */
export async function rankPostgres(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const plain = db.withoutPlugins();
  // One walk gives the count (up to COUNT_CAP + 1) and the newest CANDIDATES: for a common word the planner walks
  // the primary key backwards and stops early, for a rare one it reads the GIN index and sorts the few matches.
  const newest = await sql<{ id: number }>`select incident_id as id from search_documents
    where ${where(clauses, filters)} order by incident_id desc limit ${COUNT_CAP + 1}`.execute(plain);
  const total = cappedTotal(newest.rows.length);
  if (total.total === 0 || offset >= total.total) return { rows: [], ...total };
  const ids = newest.rows.slice(0, CANDIDATES).map((row) => row.id);
  const ranked = await sql<{ id: number; score: number }>`select incident_id as id,
      ts_rank_cd(tsv, ${textQuery(clauses)}) as score
    from search_documents where incident_id = any(${ids})
    order by score desc, incident_id desc limit ${limit} offset ${offset}`.execute(plain);
  return { rows: ranked.rows, ...total };
}

// ts_headline parses the text it is given: past this many characters a match is found but not marked.
const HEADLINE_CHARS = 5000;

/** Each page row's fields with matches marked by `ts_headline` (the whole title, fragments elsewhere). */
export async function markPostgres(
  db: Executor,
  clauses: readonly Clause[],
  ids: readonly number[],
): Promise<Map<number, Record<string, string | null>>> {
  if (ids.length === 0) return new Map();
  const query = textQuery(clauses);
  const columns = SNIPPET_COLUMNS.map(([, column], index) =>
    column === "title" || index === 0
      ? sql`ts_headline('english', title, ${query}, ${TITLE_HEADLINE}) as title`
      : sql`case when ${sql.ref(column)} = '' then null
          else ts_headline('english', left(${sql.ref(column)}, ${sql.lit(HEADLINE_CHARS)}), ${query}, ${HEADLINE})
          end as ${sql.ref(column)}`,
  );
  const result = await sql<
    Record<string, string | null> & { id: number }
  >`select incident_id as id, ${sql.join(columns)}
    from search_documents where incident_id in (${sql.join(ids)})`.execute(db.withoutPlugins());
  return new Map(result.rows.map((row) => [row.id, row]));
}
