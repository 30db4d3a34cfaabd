import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stop-words.ts";

/** One word of a text: its stem (what similarity compares) and the word as written, lower case. */
export interface Token {
  stem: string;
  surface: string;
}

// Words joined by `-`, `_` or `.` (`api-gateway`, `eu-west-2`, `kube-state-metrics`) stay one token, and
// also count as their parts; an apostrophe stays inside a word so contractions can be recognised.
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*(?:[-_.][\p{L}\p{N}]+)*/gu;
const URL = /<?(?:https?|ftp):\/?\/?[^\s>)\]]*>?/gi;
const HAS_LETTER = /\p{L}/u;
const ALPHABETIC = /^\p{L}+$/u;
// Bare numbers are dates, times, counts and versions, except three digits: status codes (404, 503).
const STATUS_CODE = /^\d{3}$/;
const MEMO_SIZE = 100_000;

// Texts repeat the same words; each distinct word is analysed once, and its tokens are shared objects,
// so callers may count them by identity.
const interned = new Map<string, Token>();
const analysed = new Map<string, readonly Token[]>();

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

function token(word: string): Token | undefined {
  const known = interned.get(word);
  if (known) return known;
  const kept = STATUS_CODE.test(word) || (word.length > 1 && HAS_LETTER.test(word) && !STOP_WORDS.has(word));
  if (!kept) return undefined;
  return remember(interned, word, { stem: ALPHABETIC.test(word) ? stemmer(word) : word, surface: word });
}

function analyse(match: string): readonly Token[] {
  // A negated auxiliary (`wasn't`, `didn’t`) is a function word; `team's` is `team`.
  if (/n['’]t$/u.test(match)) return [];
  const word = match.replace(/['’]\p{L}*/gu, "");
  const parts = word.split(/[-_.]/u);
  const words = parts.length > 1 ? [word, ...parts] : parts;
  return words.flatMap((w) => token(w) ?? []);
}

/**
 * Splits a text into stemmed words: lower case, Unicode letters and digits, stop words and links left out;
 * a joined word (`api-gateway`) gives itself and each of its parts.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let plain = text.normalize("NFKC").toLowerCase();
  if (plain.includes(":")) plain = plain.replace(URL, " ");
  for (const [match] of plain.matchAll(WORD)) {
    const found = analysed.get(match) ?? remember(analysed, match, analyse(match));
    for (const t of found) tokens.push(t);
  }
  return tokens;
}
