import { stemmer } from "stemmer";
import type { Clause } from "./parse-query.ts";
import { SNIPPET_COLUMNS } from "./snippets.ts";

// SQLite ranks by reading each candidate's texts by key and counting the query's words in every section here.
// FTS5's bm25 costs more: it walks the whole index entry of every word once per query (to weigh rare words
// higher), 6-16 ms at 100,000 post-mortems, while reading and counting 300 candidates takes ~1.5 ms. Both
// databases mark only the sections that hold a term (marking re-tokenises the text).

/** Section weights, title highest (the weights bm25 used). */
const WEIGHTS: Record<string, number> = {
  title: 10,
  impact: 4,
  root_cause: 4,
  factors: 4,
  resolution: 2,
  lessons: 2,
  timeline: 1,
  action_items: 2,
};
export const SECTION_COLUMNS = SNIPPET_COLUMNS.map(([, column]) => column);
// BM25 saturation and length normalisation, FTS5's values.
const K1 = 1.2;
const B = 0.75;
const MAX_TERMS = 8;

/**
 * What every indexed form of each query word contains, lower case: the word up to where its stem departs
 * from it ("timeouts" → "timeout", "latency" → "latenc", "happiness" → "happ"), a prefix as typed.
 * A term can also occur inside an unrelated longer word ("pool" in "spool"): that only nudges the rank and
 * what is marked; the full-text index alone decides what matches.
 */
export function countTerms(clauses: readonly Clause[]): string[] {
  return queryTerms(clauses).map((term) => term.key);
}

/** A query word: what its forms contain (`key`, see countTerms) and its Porter stem (null for a prefix). */
export interface QueryTerm {
  key: string;
  stem: string | null;
}

/** The query's distinct words, at most MAX_TERMS, in the order typed. */
export function queryTerms(clauses: readonly Clause[]): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  for (const clause of clauses)
    clause.words.forEach((word, i) => {
      const prefix = clause.prefix && i === clause.words.length - 1;
      const key = termKey(word, prefix);
      if (!terms.has(key)) terms.set(key, { key, stem: prefix ? null : stemmer(word) });
    });
  return [...terms.values()].slice(0, MAX_TERMS);
}

/**
 * How much each term weighs, bm25's inverse document frequency: a word few post-mortems use counts more
 * than one most use. `documents[i]` is how many post-mortems hold term i (undefined when unknown, as for a
 * prefix: it then weighs what the known terms weigh on average).
 */
export function termWeights(documents: readonly (number | undefined)[], total: number): number[] {
  const idf = (df: number) => Math.max(1e-6, Math.log((total - df + 0.5) / (df + 0.5)));
  const known = documents.filter((df): df is number => df !== undefined).map(idf);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return documents.map((df) => (df === undefined ? fallback : idf(df)));
}

/** What every form of a query word contains (see countTerms); a prefix as typed. */
export function termKey(word: string, prefix: boolean): string {
  return prefix ? word : stemKey(word);
}

function stemKey(word: string): string {
  const stem = stemmer(word);
  let same = 0;
  while (same < stem.length && stem[same] === word[same]) same++;
  if (same === word.length) return word;
  // Where the stem departs from the word, other forms may depart earlier: a stem ending in e or i can come
  // from a form that does not (happi ← happy, happiness); -ly and -bly forms lose their l or bl (quickli ←
  // quickly, found as "quick"; reliabl ← reliably, found as "reliability").
  const key = word.slice(0, same).replace(/(?<=..)(?:[ei]|bl?|l)$/, "");
  return key.length >= 2 ? key : word;
}

/** A candidate's sections as stored in `search_documents`, by column name. */
export type SectionTexts = { id: number } & Record<string, unknown>;

export interface Scored {
  id: number;
  score: number;
  /** The sections that contain a term, or null when some term was found nowhere (then every section is marked). */
  columns: readonly string[] | null;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** How many words of the text start with the term ("ip" counts "IP" and "IPs", never "pipeline"). */
function occurrences(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
    if (at === 0 || !WORD_CHARACTER.test(text[at - 1]!)) count++;
  }
  return count;
}

/** Lower case without accents, as the FTS5 tokenizer reads text (`remove_diacritics`): "Résumé" → "resume". */
function folded(text: string): string {
  const lower = text.toLowerCase();
  // Most text is ASCII, which has no accents to remove: decomposing it would cost more than the counting.
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * BM25 as FTS5 computes it: per term, its weight (termWeights) times the section-weighted count, saturated
 * and normalised by the document's length relative to the candidates' average. Best first, newest first
 * among equals.
 */
export function scoreSections(
  rows: readonly SectionTexts[],
  terms: readonly string[],
  weights: readonly number[] = terms.map(() => 1),
): Scored[] {
  const texts = rows.map((row) => SECTION_COLUMNS.map((column) => folded(String(row[column] ?? ""))));
  const keys = terms.map(folded);
  const lengths = texts.map((sections) => sections.reduce((sum, text) => sum + text.length, 0));
  const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length) || 1;
  const scored = rows.map((row, r) => {
    const norm = K1 * (1 - B + (B * lengths[r]!) / average);
    let score = 0;
    const columns = new Set<string>();
    let everyTermSeen = true;
    for (const [t, term] of keys.entries()) {
      let weighted = 0;
      SECTION_COLUMNS.forEach((column, i) => {
        const count = occurrences(texts[r]![i]!, term);
        if (count === 0) return;
        columns.add(column);
        weighted += WEIGHTS[column]! * count;
      });
      if (weighted === 0) everyTermSeen = false;
      score += (weights[t]! * (weighted * (K1 + 1))) / (weighted + norm);
    }
    // Every hit holds every word: a term seen nowhere is a form its key misses, so every section is marked.
    return { id: row.id, score, columns: everyTermSeen ? [...columns] : null };
  });
  return scored.sort((a, b) => b.score - a.score || b.id - a.id);
}
