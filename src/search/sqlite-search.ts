import { sql } from "kysely";
import type { Executor } from "../db/connect.ts";
import {
  CANDIDATES,
  cappedTotal,
  COUNT_CAP,
  datesAreExact,
  facetGroups,
  sortLabels,
  type PageRow,
  type RankedPage,
  type ScoredPage,
  type SearchFilters,
} from "./filters.ts";
import { toFts5Match, type Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";
import {
  queryTerms,
  scoreSections,
  SECTION_COLUMNS,
  termWeights,
  type QueryTerm,
  type SectionTexts,
} from "./term-counts.ts";

const TEXT_COLUMNS = "{title impact root_cause factors resolution lessons timeline action_items}";

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
 * Matching incidents, best first by weighted word counts per section (title highest, see term-counts.ts),
 * one page, and how many match (counted up to COUNT_CAP). Past CANDIDATES matches, the newest CANDIDATES
 * are the ones ranked.
 */
async function rankSqlite(
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
  const texts = await sql<SectionTexts>`select incident_id as id, ${sql.raw(SECTION_COLUMNS.join(", "))}
    from search_documents where incident_id in (${sql.join(ids)})`.execute(plain);
  const terms = queryTerms(clauses);
  const { frequencies, total: documents } = await documentFrequencies(plain, terms);
  const weights = termWeights(frequencies, documents);
  const ranked = scoreSections(
    texts.rows,
    terms.map((term) => term.key),
    weights,
  ).slice(offset, offset + limit);
  return { rows: ranked, ...total };
}

// How many post-mortems use a word changes slowly and only shades the rank: counts are kept for a while
// (reading one walks the word's whole index entry, ~2 ms for a common word at 100,000 post-mortems).
const FREQUENCY_TTL_MS = 10 * 60 * 1000;
const FREQUENCY_ENTRIES = 5_000;
const MAX_QUERY_STEMS = 16;
const frequencies = new WeakMap<object, Map<string, { documents: number; readAt: number }>>();

/**
 * How many post-mortems hold each term's stem, from FTS5's own vocabulary (a temp `fts5vocab` table per
 * connection), and about how many there are: unknown (undefined) for a prefix or a stem spelt otherwise.
 */
async function documentFrequencies(
  db: Executor,
  terms: readonly QueryTerm[],
): Promise<{ frequencies: (number | undefined)[]; total: number }> {
  // Ids are given in order and rarely deleted: the last one counts the post-mortems closely enough.
  const last = await sql<{ id: number | null }>`select max(incident_id) as id from search_documents`.execute(
    db,
  );
  const total = Number(last.rows[0]?.id ?? 0);
  const cacheKey = db.getExecutor().adapter;
  let known = frequencies.get(cacheKey);
  if (!known) frequencies.set(cacheKey, (known = new Map()));
  // Emptied before this query's words are looked up, so none of them is lost on the way.
  if (known.size + MAX_QUERY_STEMS > FREQUENCY_ENTRIES) known.clear();
  const now = Date.now();
  const fresh = (stem: string) => {
    const entry = known.get(stem);
    return entry && now - entry.readAt < FREQUENCY_TTL_MS ? entry : undefined;
  };
  const missing = [...new Set(terms.flatMap((t) => (t.stem && !fresh(t.stem) ? [t.stem] : [])))];
  if (missing.length > 0) {
    await sql`create virtual table if not exists temp.search_vocab using fts5vocab(main, search_fts, row)`.execute(
      db,
    );
    const found = await sql<{ term: string; doc: number }>`select term, doc from temp.search_vocab
      where term in (${sql.join(missing)})`.execute(db);
    for (const row of found.rows) known.set(row.term, { documents: Number(row.doc), readAt: now });
  }
  // A stem the index spells differently is unknown rather than absent: every candidate holds the word.
  return { frequencies: terms.map((t) => (t.stem ? fresh(t.stem)?.documents : undefined)), total };
}

/**
 * Restricts an FTS5 query to these rowids in one walk over their range: `+rowid in` is checked on each row
 * the walk yields, so FTS5 does not re-run the query (a prefix merge, a snippet scan) once per id.
 */
function amongIds(ids: readonly number[]) {
  return sql`f.rowid between ${sql.lit(Math.min(...ids))} and ${sql.lit(Math.max(...ids))}
    and +f.rowid in (${sql.join(ids.map((id) => sql.lit(id)))})`;
}

/**
 * Each page row's fields with matches marked (`highlight` for the title, `snippet` elsewhere); a field is
 * marked only on the rows whose `columns` name it (marking re-reads and re-tokenises the text). The filters'
 * tokens (which every page row holds) let FTS5 skip ahead between page rows far apart.
 */
export async function markSqlite(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  rows: RankedPage["rows"],
): Promise<Map<number, Record<string, string | null>>> {
  if (rows.length === 0) return new Map();
  const columns = SNIPPET_COLUMNS.map(([, column], index) => {
    const ids = rows.filter((r) => r.columns === null || r.columns.includes(column)).map((r) => r.id);
    if (ids.length === 0) return sql`null as ${sql.ref(column)}`;
    const mark =
      index === 0
        ? sql`highlight(search_fts, 0, ${MATCH_START}, ${MATCH_END})`
        : sql`snippet(search_fts, ${sql.lit(index)}, ${MATCH_START}, ${MATCH_END}, '…', 16)`;
    const all = ids.length === rows.length;
    return all
      ? sql`${mark} as ${sql.ref(column)}`
      : sql`case when f.rowid in (${sql.join(ids.map((id) => sql.lit(id)))}) then ${mark} end as ${sql.ref(column)}`;
  });
  const result = await sql<
    Record<string, string | null> & { id: number }
  >`select f.rowid as id, ${sql.join(columns)}
    from search_fts f where f.search_fts match ${withFacets(textMatch(clauses), filters)}
    and ${amongIds(rows.map((r) => r.id))}`.execute(db.withoutPlugins());
  return new Map(result.rows.map((row) => [row.id, row]));
}

/** The page rows: incident, post-mortem status, labels (by value) and marked fields. */
async function pageSqlite(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  ranked: RankedPage["rows"],
): Promise<PageRow[]> {
  const ids = ranked.map((r) => r.id);
  if (ids.length === 0) return [];
  const marked = await markSqlite(db, clauses, filters, ranked);
  const rows = await sql<Omit<PageRow, "marked" | "labels"> & { labels: string }>`select i.id, i.number,
      i.title, i.severity, i.status, i.started_at as startedAt, p.status as postmortemStatus,
      (select json_group_array(json_object('kind', l.kind, 'value', l.value)) from incident_labels l
        where l.incident_id = i.id) as labels
    from incidents i join postmortems p on p.incident_id = i.id
    where i.id in (${sql.join(ids)})`.execute(db.withoutPlugins());
  return rows.rows.map((row) => ({
    ...row,
    labels: sortLabels(JSON.parse(row.labels) as PageRow["labels"]),
    marked: marked.get(row.id) ?? {},
  }));
}

/**
 * One page of matching post-mortems, best first, with their sections marked, and how many match: ranked,
 * then read and marked by key, in one transaction (one snapshot).
 */
export async function searchSqlite(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<ScoredPage> {
  return db.transaction().execute(async (trx) => {
    const ranked = await rankSqlite(trx, clauses, filters, limit, offset);
    const page = new Map((await pageSqlite(trx, clauses, filters, ranked.rows)).map((row) => [row.id, row]));
    const rows = ranked.rows.flatMap(({ id, score }) => {
      const row = page.get(id);
      return row ? [{ ...row, score }] : [];
    });
    return { rows, total: ranked.total, totalIsLowerBound: ranked.totalIsLowerBound };
  });
}
