import { eng } from "stopword";
import { DomainError } from "../shared/errors.ts";

/** One thing every hit must contain: a word, a run of words in order, or (prefix) words starting with the last. */
export interface Clause {
  words: string[];
  prefix: boolean;
}

// PostgreSQL's English list adds these to the package's; both databases then ignore the same words.
const POSTGRES_ONLY =
  "myself ours ourselves yours yourself yourselves she hers herself its itself theirs themselves whom having " +
  "does doing until against during above below down off again further once when why few no nor not own so s t will just don";
export const STOPWORDS: ReadonlySet<string> = new Set([...eng, ...POSTGRES_ONLY.split(" ")]);
const WORD = /[\p{L}\p{N}]+/gu;
// Shorter prefixes would expand to most of the vocabulary; they match as whole words instead.
const MIN_PREFIX = 3;
const MAX_CLAUSES = 16;

/**
 * Reads what a user typed into clauses that are all required. Quotes group a phrase (an unbalanced last
 * quote is ignored), a trailing `*` asks for a prefix, every other character only separates words, so no
 * input is a syntax error. Lone common words ("the", "not") are dropped: they would match everything.
 * Throws a VALIDATION error naming `q` when there is no letter or digit at all.
 */
export function parseSearchQuery(q: string): Clause[] {
  const text = q.normalize("NFKC").toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw DomainError.validation("q", "must contain at least one letter or digit");
  }
  const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
  const usable = quotes.length % 2 === 0 ? quotes : quotes.slice(0, -1);
  const clauses: Clause[] = [];
  let at = 0;
  for (let i = 0; i <= usable.length; i += 2) {
    const open = usable[i] ?? text.length;
    for (const token of text.slice(at, open).replaceAll('"', " ").split(/\s+/)) {
      const words = token.match(WORD) ?? [];
      if (words.length === 0) continue;
      const prefix = /[\p{L}\p{N}]\*+$/u.test(token) && words.at(-1)!.length >= MIN_PREFIX;
      if (words.length === 1 && !prefix && STOPWORDS.has(words[0]!)) continue;
      clauses.push({ words, prefix });
    }
    if (open === text.length) break;
    const close = usable[i + 1]!;
    const words = text.slice(open + 1, close).match(WORD) ?? [];
    if (words.length > 0) clauses.push({ words, prefix: false });
    at = close + 1;
  }
  return dedupe(clauses).slice(0, MAX_CLAUSES);
}

/**
 * Every word the index is asked for, in order, and whether it is a prefix (the last word of a clause before
 * `*`); PostgreSQL drops stop words inside a phrase, so they are left out.
 */
export function searchedWords(clauses: readonly Clause[]): { word: string; prefix: boolean }[] {
  return clauses.flatMap((clause) =>
    clause.words.flatMap((word, i) => {
      const prefix = clause.prefix && i === clause.words.length - 1;
      return !prefix && STOPWORDS.has(word) ? [] : [{ word, prefix }];
    }),
  );
}

function dedupe(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = `${c.words.join(" ")}${c.prefix ? "*" : ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The FTS5 MATCH expression: each clause a quoted string (words are letters and digits only), all ANDed. */
export function toFts5Match(clauses: readonly Clause[]): string {
  return clauses.map((c) => `"${c.words.join(" ")}"${c.prefix ? "*" : ""}`).join(" AND ");
}
