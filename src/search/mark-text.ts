import porter2 from "wink-porter2-stemmer";
import { searchedWords, type Clause } from "./parse-query.ts";
import { MATCH_END, MATCH_START, SNIPPET_COLUMNS } from "./snippets.ts";
import { termKey } from "./term-counts.ts";

// PostgreSQL's `english` configuration stems with Snowball's English (Porter2) stemmer, which
// wink-porter2-stemmer implements (it agreed with `ts_lexize('english_stem', …)` on every word of the shared
// corpus), so the server marks the words PostgreSQL matched without asking it to re-parse the texts.

const WORD = /[\p{L}\p{N}]+/gu;
/** A fragment's most words and how many come before its first match (as ts_headline's MaxWords). */
const MAX_WORDS = 24;
const LEAD_WORDS = 6;
const MAX_FRAGMENTS = 2;
/** Windows are tried around this many matches at most (a long timeline that says the word everywhere). */
const MAX_HITS = 200;
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
  /** What every form with this stem contains: a section without it is not read word by word. */
  scan: string;
  /** What the word's forms start with (see termKey): the looser test when no form was found. */
  loose: string;
}

/**
 * What every form of a stem contains: the stem less its last letter, which Porter2 may have added or changed
 * ("scale" from "scaling", "happi" from "happy"); for a stem of three letters or fewer only its first letter
 * ("die" from "dying").
 */
function scanKey(stemmed: string): string {
  return stemmed.length <= 3 ? stemmed.slice(0, 1) : stemmed.slice(0, -1);
}

/** The words PostgreSQL looks for (see searchedWords), one term per stem. */
export function markTerms(clauses: readonly Clause[]): MarkTerm[] {
  const terms = new Map<string, MarkTerm>();
  for (const { word, prefix } of searchedWords(clauses)) {
    const stemmed = stem(word);
    const loose = termKey(word, prefix);
    terms.set(`${stemmed}${prefix ? "*" : ""}`, { stem: stemmed, prefix, scan: scanKey(stemmed), loose });
  }
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
    if (loose.has(t) && lower.startsWith(term.loose)) return t;
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
  const worthReading = (term: MarkTerm, t: number) =>
    lower.includes(term.scan) || (loose.has(t) && lower.includes(term.loose));
  if (!terms.some(worthReading)) return { list, found };
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
 * Up to MAX_FRAGMENTS windows of MAX_WORDS words, each chosen to hold the most distinct terms, then the most
 * matches, then a few words of context before its first match; in text order, joined by an ellipsis. A window
 * may start a little before a match, at it, or end at it, so two terms up to MAX_WORDS apart share one.
 */
function fragments(text: string, list: readonly Word[]): string {
  if (list.length <= MAX_WORDS) return marked(text, list, 0, list.length - 1);
  const hits = list.flatMap((word, i) => (word.term >= 0 ? [i] : [])).slice(0, MAX_HITS);
  const starts = new Set(
    hits.flatMap((i) =>
      [i - LEAD_WORDS, i, i - MAX_WORDS + 1].map((s) => Math.max(0, Math.min(s, list.length - MAX_WORDS))),
    ),
  );
  const windows = [...starts].map((first) => {
    const last = first + MAX_WORDS - 1;
    const inside = hits.filter((h) => h >= first && h <= last);
    const context = inside[0]! - first >= Math.min(LEAD_WORDS, inside[0]!) ? 1 : 0;
    const terms = new Set(inside.map((h) => list[h]!.term)).size;
    return { first, last, score: terms * 10_000 + inside.length * 10 + context };
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
