import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import { CANDIDATES, facetGroups, type RankedPage, type SearchFilters } from "./filters.ts";
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
  const groups = facetGroups(filters);
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
 * many match. Past CANDIDATES matches, the newest CANDIDATES are the ones ranked.
 */
export async function rankPostgres(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const plain = db.withoutPlugins();
  // Estimates for phrases are poor; a sequential scan would decompress every document's tsvector.
  await sql`set local enable_seqscan = off`.execute(plain);
  const count = await sql<{ total: string }>`select count(*) as total from search_documents
    where ${where(clauses, filters)}`.execute(plain);
  const total = Number(count.rows[0]?.total ?? 0);
  if (total === 0 || offset >= total) return { rows: [], total };
  // Picking the newest matches reads only the index and the rows' ids; only they get a (costly) rank.
  const ranked = await sql<{ id: number; score: number }>`select incident_id as id,
      ts_rank_cd(tsv, ${textQuery(clauses)}) as score
    from (select incident_id, tsv from search_documents where ${where(clauses, filters)}
      order by incident_id desc limit ${CANDIDATES}) candidates
    order by score desc, incident_id desc limit ${limit} offset ${offset}`.execute(plain);
  return { rows: ranked.rows, total };
}

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
          else ts_headline('english', ${sql.ref(column)}, ${query}, ${HEADLINE}) end as ${sql.ref(column)}`,
  );
  const result = await sql<
    Record<string, string | null> & { id: number }
  >`select incident_id as id, ${sql.join(columns)}
    from search_documents where incident_id in (${sql.join(ids)})`.execute(db.withoutPlugins());
  return new Map(result.rows.map((row) => [row.id, row]));
}
