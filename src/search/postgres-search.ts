import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import {
  CANDIDATES,
  cappedTotal,
  COUNT_CAP,
  facetGroups,
  sortLabels,
  type PageRow,
  type RankedPage,
  type SearchFilters,
} from "./filters.ts";
import type { Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";
import { countTerms } from "./term-counts.ts";

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
  // The date checks come first: PostgreSQL keeps this order among equally cheap quals, and a row outside the
  // range then skips the tsvector match (15-20% of a date-filtered walk).
  return sql`${filters.from ? sql`started_at >= ${filters.from} and` : sql``}
    ${filters.to ? sql`started_at < ${filters.to} and` : sql``}
    tsv @@ (${textQuery(clauses)}${facets})`;
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
  // One round trip: the walk gives the count (up to COUNT_CAP + 1) and the newest CANDIDATES (for a common word
  // the planner walks the primary key backwards and stops early, for a rare one it reads the GIN index and
  // sorts the few matches), then ts_rank_cd scores those by key (the tsvector is stored in the row).
  const result = await sql<{ id: number; score: number | null }>`with newest as materialized (
      select incident_id as id from search_documents
      where ${where(clauses, filters)} order by incident_id desc limit ${COUNT_CAP + 1})
    select newest.id, ranked.score from newest left join (
        select incident_id, ts_rank_cd(tsv, ${textQuery(clauses)}) as score from search_documents
        where incident_id in (select id from newest order by id desc limit ${CANDIDATES})
      ) ranked on ranked.incident_id = newest.id`.execute(db.withoutPlugins());
  const total = cappedTotal(result.rows.length);
  if (total.total === 0 || offset >= total.total) return { rows: [], ...total };
  const rows = result.rows
    .filter((row) => row.score !== null)
    .map((row) => ({ id: row.id, score: Number(row.score), columns: null }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(offset, offset + limit);
  return { rows, ...total };
}

// ts_headline parses the text it is given: past this many characters a match is found but not marked.
const HEADLINE_CHARS = 5000;

/**
 * The page rows in one round trip: incident, post-mortem status, labels (by value) and each field with
 * matches marked by `ts_headline` (the whole title, fragments elsewhere). The filters (which FTS5 uses to
 * skip ahead) are not needed here: rows are read by key.
 */
export async function pagePostgres(
  db: Executor,
  clauses: readonly Clause[],
  _filters: SearchFilters,
  rows: RankedPage["rows"],
): Promise<PageRow[]> {
  if (rows.length === 0) return [];
  const query = textQuery(clauses);
  const terms = countTerms(clauses);
  // Whether each section holds a term, on the lower-cased text: ts_headline (which re-parses the text) runs
  // only there, or everywhere when no section does (a form the terms miss). `offset 0` keeps the lateral
  // from being inlined, so each section is decompressed and lower-cased once.
  const has = SNIPPET_COLUMNS.map(
    ([, column]) =>
      sql`(${sql.join(
        terms.map((term) => sql`strpos(lower(d.${sql.ref(column)}), ${term}) > 0`),
        sql` or `,
      )})`,
  );
  // Every hit holds every word: when one term's key is in no section, it missed that word's form (the english
  // stemmer strips more than the key does), and every section is marked, as when nothing was found.
  const everyTermSeen = sql.join(
    terms.map(
      (term) =>
        sql`(${sql.join(
          SNIPPET_COLUMNS.map(([, column]) => sql`strpos(lower(d.${sql.ref(column)}), ${term}) > 0`),
          sql` or `,
        )})`,
    ),
    sql` and `,
  );
  const columns = SNIPPET_COLUMNS.map(([, column], index) => {
    const mark =
      index === 0
        ? sql`ts_headline('english', d.title, ${query}, ${TITLE_HEADLINE})`
        : sql`ts_headline('english', left(d.${sql.ref(column)}, ${sql.lit(HEADLINE_CHARS)}), ${query}, ${HEADLINE})`;
    return sql`case when d.${sql.ref(column)} <> '' and (h.${sql.raw(`h${index}`)} or not h.seen) then ${mark} end`;
  });
  const result = await sql<Omit<PageRow, "marked"> & { marked: string[] }>`select i.id, i.number, i.title,
      i.severity, i.status, i.started_at as "startedAt", p.status as "postmortemStatus",
      coalesce((select json_agg(json_build_object('kind', l.kind, 'value', l.value))
        from incident_labels l where l.incident_id = i.id), '[]') as labels,
      array[${sql.join(columns)}] as marked
    from incidents i join postmortems p on p.incident_id = i.id
      join search_documents d on d.incident_id = i.id
      cross join lateral (select ${sql.join(has.map((h, i) => sql`${h} as ${sql.raw(`h${i}`)}`))},
        ${everyTermSeen} as seen offset 0) h
    where i.id = any(${rows.map((r) => r.id)})`.execute(db.withoutPlugins());
  return result.rows.map((row) => ({
    ...row,
    labels: sortLabels(row.labels),
    marked: Object.fromEntries(SNIPPET_COLUMNS.map(([, column], i) => [column, row.marked[i] ?? null])),
  }));
}
