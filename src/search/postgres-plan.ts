import { sql } from "kysely";
import porter2 from "wink-porter2-stemmer";
import type { Executor } from "../db/connect.ts";
import { COUNT_CAP } from "./filters.ts";
import { searchedWords, type Clause } from "./parse-query.ts";

// The planner finds the newest matches by walking the primary key backwards or by reading the GIN index. When
// filters pass few post-mortems, walking a narrow index of the filter tokens is cheaper than either, but the
// planner cannot see that path (a self-join), so the code chooses it from the planner's own statistics.

/**
 * The facet walk reads an index entry (~0.3 µs) per post-mortem walked and a row (~5 µs) per one passing the
 * filters; the planner's walk reads a row (~1 µs) per post-mortem walked. Past this pass rate it saves nothing.
 */
const FACET_WALK_MAX_PASS = 0.12;
/**
 * Below about this many matches the planner reads the GIN index instead of walking (at 100,000 post-mortems it
 * walked from ~1,700 estimated matches and used the index up to ~1,450), and that beats the facet walk, which
 * then walks far before it finds the newest matches.
 */
const FACET_WALK_MIN_MATCHES = 5 * (COUNT_CAP + 1);
const STATS_TTL_MS = 10 * 60 * 1000;
/** A table not analysed yet is asked again sooner: autovacuum analyses it once it has grown. */
const NO_STATS_TTL_MS = 60 * 1000;
/** The planner's share for a word not among the most common elements, at most (DEFAULT_TS_MATCH_SEL). */
const DEFAULT_MATCH_SHARE = 0.005;

/** How often tokens occur in the indexed documents: PostgreSQL's most common elements of `tsv`. */
export interface TokenStats {
  /** Share of documents holding each of the most common lexemes and filter tokens. */
  frequencies: ReadonlyMap<string, number>;
  /** The share assumed for a token not among them: half the rarest listed, at most 0.005 (as the planner). */
  floor: number;
  /** About how many documents there are. */
  documents: number;
}

export type PostgresPlan = "planner" | "facet-walk";

const cache = new WeakMap<object, { stats: TokenStats | null; readAt: number }>();

/**
 * The statistics of the current schema's `search_documents.tsv`, kept ten minutes per database; null before
 * the table was first analysed (a new or small database, where the planner's paths are all fast).
 */
export async function tokenStats(db: Executor): Promise<TokenStats | null> {
  const key = db.getExecutor().adapter;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.readAt < (cached.stats ? STATS_TTL_MS : NO_STATS_TTL_MS))
    return cached.stats;
  const result = await sql<{ elems: string[] | null; freqs: number[] | null; documents: number }>`select
      s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
      (select reltuples from pg_class where oid = 'search_documents'::regclass)::float8 as documents
    from pg_stats s
    where s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname = 'tsv'`.execute(
    db.withoutPlugins(),
  );
  const row = result.rows[0];
  let stats: TokenStats | null = null;
  if (row?.elems && row.freqs && row.documents > 0) {
    // The frequencies end with the lowest and highest of them.
    const frequencies = new Map(row.elems.map((elem, i) => [elem, Number(row.freqs![i])]));
    const lowest = Number(row.freqs[row.elems.length] ?? 0);
    stats = {
      frequencies,
      floor: Math.min(DEFAULT_MATCH_SHARE, lowest / 2),
      documents: Number(row.documents),
    };
  }
  cache.set(key, { stats, readAt: Date.now() });
  return stats;
}

function share(stats: TokenStats, token: string): number {
  return stats.frequencies.get(token) ?? stats.floor;
}

/** The estimated share of documents holding every clause (words taken as independent, as the planner does). */
export function textShare(stats: TokenStats, clauses: readonly Clause[]): number {
  let result = 1;
  for (const { word, prefix } of searchedWords(clauses)) {
    const stem = porter2(word);
    if (!prefix) {
      result *= share(stats, stem);
      continue;
    }
    let sum = 0;
    for (const [token, frequency] of stats.frequencies) if (token.startsWith(stem)) sum += frequency;
    result *= Math.min(1, sum || stats.floor);
  }
  return result;
}

/** The estimated share of documents passing the filters: every group must hold one of its tokens. */
export function facetShare(stats: TokenStats, groups: readonly (readonly string[])[]): number {
  return groups.reduce(
    (result, group) =>
      result *
      Math.min(
        1,
        group.reduce((sum, token) => sum + share(stats, token), 0),
      ),
    1,
  );
}

/**
 * The facet walk when the filters pass few post-mortems and the words are common enough that the walk stops
 * early; otherwise the planner's choice.
 */
export function choosePlan(
  stats: TokenStats | null,
  clauses: readonly Clause[],
  groups: readonly (readonly string[])[],
): PostgresPlan {
  if (!stats || groups.length === 0) return "planner";
  const facets = facetShare(stats, groups);
  const matches = stats.documents * facets * textShare(stats, clauses);
  return facets <= FACET_WALK_MAX_PASS && matches >= FACET_WALK_MIN_MATCHES ? "facet-walk" : "planner";
}
