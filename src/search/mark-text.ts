import porter2 from "wink-porter2-stemmer";
import { STOPWORDS, type Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";
import { countTerms } from "./term-counts.ts";

// PostgreSQL's `english` configuration stems with Snowball's English (Porter2) stemmer, which
// wink-porter2-stemmer implements: it agreed with `ts_lexize('english_stem', …)` on all 2,736 distinct words of
// the shared corpus. Marking here, on texts read by key, costs well under a millisecond a page; `ts_headline`
// re-parsed every section in the database at 8-13 ms a page (the largest part of a search at 100,000 post-mortems).

const WORD = /[\p{L}\p{N}]+/gu;
/** A fragment's most words and how many come before its first match (as ts_headline's MaxWords). */
const MAX_WORDS = 24;
const LEAD_WORDS = 6;
const MAX_FRAGMENTS = 2;
const ELLIPSIS = "…";

const stems = new Map<string, string>();
const STEM_CACHE = 50_000;

function stem(lower: string): string {
  let cached = stems.get(lower);
  if (cached === undefined) {
    if (stems.size >= STEM_CACHE) stems.clear();
    cached = porter2(lower);
    stems.set(lower, cached);
  }
  return cached;
}

/** A query word as the index stores it: its stem, and whether it is a prefix (the last word before a `*`). */
interface MarkTerm {
  stem: string;
  prefix: boolean;
  /** What every form of the word contains (see countTerms): the looser test when no form was found. */
  key: string;
}

/** The words PostgreSQL looks for: stop words inside a phrase are dropped there, so they are not marked. */
export function markTerms(clauses: readonly Clause[]): MarkTerm[] {
  const terms = new Map<string, MarkTerm>();
  for (const clause of clauses)
    clause.words.forEach((word, i) => {
      const prefix = clause.prefix && i === clause.words.length - 1;
      if (!prefix && STOPWORDS.has(word)) return;
      const key = countTerms([{ words: [word], prefix }])[0] ?? word;
      const term = { stem: stem(word), prefix, key };
      terms.set(`${term.stem}${prefix ? "*" : ""}`, term);
    });
  return [...terms.values()];
}

interface Word {
  start: number;
  end: number;
  /** Which term it matches (index into the terms), or -1. */
  term: number;
}

function matchTerm(lower: string, terms: readonly MarkTerm[], loose: ReadonlySet<number>): number {
  // A word and its stem start with the same letter: other words are not stemmed at all.
  const first = lower.charCodeAt(0);
  let own: string | undefined;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (loose.has(t) && lower.startsWith(term.key)) return t;
    if (term.stem.charCodeAt(0) !== first) continue;
    own ??= stem(lower);
    if (term.prefix ? own.startsWith(term.stem) : own === term.stem) return t;
  }
  return -1;
}

/** The text's words, each with the term it matches, and which terms were found. */
function words(
  text: string,
  terms: readonly MarkTerm[],
  loose: ReadonlySet<number>,
): { list: Word[]; found: Set<number> } {
  const list: Word[] = [];
  const found = new Set<number>();
  // Lower-cased once when that keeps every offset (it does not for a few letters, such as "İ").
  const lower = text.toLowerCase();
  // Every form of a term contains its key: a section holding no key is not read word by word.
  if (!terms.some((term) => lower.includes(term.key))) return { list, found };
  const same = lower.length === text.length;
  for (const match of (same ? lower : text).matchAll(WORD)) {
    const start = match.index;
    const term = matchTerm(same ? match[0] : match[0].toLowerCase(), terms, loose);
    if (term >= 0) found.add(term);
    list.push({ start, end: start + match[0].length, term });
  }
  return { list, found };
}

/** `text` from word `first` to word `last` (the whole ends when they are the text's ends), matches marked. */
function marked(text: string, list: readonly Word[], first: number, last: number): string {
  const from = first === 0 ? 0 : list[first]!.start;
  const to = last === list.length - 1 ? text.length : list[last]!.end;
  let out = first === 0 ? "" : ELLIPSIS;
  let at = from;
  for (let i = first; i <= last; i++) {
    const word = list[i]!;
    if (word.term < 0) continue;
    out += text.slice(at, word.start) + MATCH_START + text.slice(word.start, word.end) + MATCH_END;
    at = word.end;
  }
  return out + text.slice(at, to) + (last === list.length - 1 ? "" : ELLIPSIS);
}

/**
 * Up to MAX_FRAGMENTS windows of MAX_WORDS words, each chosen to hold the most distinct terms (then the most
 * matches), in text order and joined by an ellipsis; the whole text when it is short enough.
 */
function fragments(text: string, list: readonly Word[]): string {
  if (list.length <= MAX_WORDS) return marked(text, list, 0, list.length - 1);
  const hits = list.flatMap((word, i) => (word.term >= 0 ? [i] : []));
  // One window per hit; hits are in order, so each window's hits are a run found by moving two ends.
  let low = 0;
  let high = 0;
  const windows = hits.map((i) => {
    const first = Math.max(0, Math.min(i - LEAD_WORDS, list.length - MAX_WORDS));
    const last = first + MAX_WORDS - 1;
    while (hits[low]! < first) low++;
    while (high < hits.length && hits[high]! <= last) high++;
    const terms = new Set<number>();
    for (let h = low; h < high; h++) terms.add(list[hits[h]!]!.term);
    return { first, last, score: terms.size * 1000 + (high - low) };
  });
  const chosen: typeof windows = [];
  for (const window of windows.sort((a, b) => b.score - a.score || a.first - b.first)) {
    if (chosen.length === MAX_FRAGMENTS) break;
    if (chosen.every((c) => window.last < c.first || window.first > c.last)) chosen.push(window);
  }
  return chosen
    .sort((a, b) => a.first - b.first)
    .map((c) => marked(text, list, c.first, c.last))
    .join(" ")
    .replaceAll(`${ELLIPSIS} ${ELLIPSIS}`, ` ${ELLIPSIS} `);
}

/**
 * One post-mortem's sections (by column) with the query's words marked: the whole title, up to two fragments
 * of any other section holding a word, null where none is. A word counts when the english stemmer gives it
 * the stem of a query word (or, for a prefix, a stem starting with it). Every hit holds every query word,
 * so a word found in no section is a form the two tokenisers split apart: that word is then marked
 * wherever a word starts with what all its forms contain ("p99" in "p99.9").
 */
export function markSections(
  sections: Record<string, string>,
  terms: readonly MarkTerm[],
): Record<string, string | null> {
  const texts = SNIPPET_COLUMNS.map(([, column]) => sections[column] ?? "");
  let read = texts.map((text) => words(text, terms, new Set()));
  const seen = new Set(read.flatMap((r) => [...r.found]));
  const loose = new Set(terms.flatMap((_, t) => (seen.has(t) ? [] : [t])));
  if (loose.size > 0) read = texts.map((text) => words(text, terms, loose));
  return Object.fromEntries(
    SNIPPET_COLUMNS.map(([, column], index) => {
      const text = texts[index]!;
      const { list, found } = read[index]!;
      if (found.size === 0) return [column, null];
      return [column, index === 0 ? marked(text, list, 0, list.length - 1) : fragments(text, list)];
    }),
  );
}
