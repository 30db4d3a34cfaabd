import { dictionaryTags, tagSentence, type Token } from "../../lint/nlp.ts";
import type { Candidate } from "./candidate.ts";

const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "Honorific"]);
const NOT_PEOPLE = new Set([
  "Pronoun",
  "Place",
  "Country",
  "City",
  "Organization",
  "Date",
  "Month",
  "WeekDay",
]);
/** Verbs only people do: an unknown capitalised word before one of them is a name ("Priya said"). */
const HUMAN_VERBS = new Set(
  `said says told asked noticed mentioned suggested realized realised thought felt wondered remembered explained
   replied recalled admitted believed guessed spotted paged pinged messaged emailed texted agreed apologized
   apologised joked volunteered decided`
    .trim()
    .split(/\s+/),
);
/** First names that are also everyday words; alone they are not flagged ("Mark the incident resolved"). */
const WORD_NAMES = new Set(
  `mark grace chase drew pat jack rich bill sue rob gene faith hope joy may june april august summer dawn rose ray
   max art sunny sky river page eve penny ivy lily hunter mason carter baker cook miles don guy frank earl dean
   will bob sterling hope destiny crystal amber ruby pearl jade`
    .trim()
    .split(/\s+/),
);

/** A name alone is a common English word when compromise knows the word and not as a name. */
function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  const tags = dictionaryTags(lower);
  return WORD_NAMES.has(lower) || (tags.length > 0 && !tags.some((tag) => NAME_TAGS.has(tag)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const bounded = (alternatives: string[], flags: string) =>
  alternatives.length === 0
    ? undefined
    : new RegExp(
        `(?<![\\p{L}\\p{N}_@.-])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`,
        flags,
      );

/** Matchers for the people Hindsight knows: full names, first names that are not words, e-mail local parts. */
export interface KnownNames {
  full?: RegExp;
  first?: RegExp;
}

/** Compiles the known names once per check; longer names first so "Sam Rivera" wins over "Sam". */
export function compileKnownNames(knownNames: readonly string[]): KnownNames {
  const full = new Set<string>();
  const first = new Set<string>();
  for (const entry of knownNames) {
    const name = entry.trim();
    if (name === "") continue;
    if (name.includes("@")) {
      // "sam.rivera@…" is a person; "admin@…" or "ops@…" is not, so a bare word must be a name compromise knows.
      const local = name.slice(0, name.indexOf("@")).toLowerCase();
      const known = dictionaryTags(local).some((tag) => NAME_TAGS.has(tag));
      if (local.length >= 3 && (/[._-]/.test(local) || known)) full.add(escape(local));
      continue;
    }
    const words = name.split(/\s+/);
    const [given = "", family = ""] = words;
    if (words.length > 1) full.add(words.map(escape).join("\\s+"));
    if (words.length > 1 && /^\p{L}+$/u.test(given + family)) {
      const [g, f] = [given.toLowerCase(), family.toLowerCase()];
      for (const local of [`${g}.${f}`, `${g}_${f}`, `${g}-${f}`, `${g}${f}`, `${g[0]}${f}`]) {
        if (local.length >= 4) full.add(escape(local));
      }
    }
    if ([...given].length >= 3 && /^\p{L}+$/u.test(given) && !isCommonWord(given)) first.add(escape(given));
  }
  const byLength = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  return { full: bounded(byLength(full), "giu"), first: bounded(byLength(first), "gu") };
}

/** Known people's names and e-mail local parts in `text`. */
export function findKnownNames(text: string, names: KnownNames): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of [names.full, names.first]) {
    if (!pattern) continue;
    for (const m of text.matchAll(pattern)) {
      found.push({ kind: "person", start: m.index, end: m.index + m[0].length, known: true });
    }
  }
  return found;
}

// Flags are computed on every read of an external version, so the same few texts come back again and again.
const RECENT_TEXTS = 200;
const recent = new Map<string, Candidate[]>();

/** Words of context compromise reads before and after a possible name. */
const BEFORE = 4;
const AFTER = 3;

/**
 * Names compromise recognises, and unknown capitalised words used as a person ("Priya said"). compromise is the
 * slow part, so it reads only a few words around each capitalised word that could start a name; the rest of the
 * text is blanked out (same length, so offsets hold) with a full stop where a gap begins.
 */
export function findNamesByLanguage(text: string): Candidate[] {
  let found = recent.get(text);
  if (!found) {
    found = tagNames(text);
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    recent.set(text, found);
  }
  return found.map((c) => ({ ...c }));
}

function tagNames(text: string): Candidate[] {
  const masked = maskAroundNames(text);
  if (masked === undefined) return [];
  const tokens = tagSentence(masked);
  const found: Candidate[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0 && !(run.length === 1 && isCommonWord(run[0]!.text))) found.push(span(run));
    run = [];
  };
  tokens.forEach((token, i) => {
    if (isPersonToken(token) || (isUnknownName(token) && actsAsPerson(tokens, i))) {
      run.push(token);
      // A name runs on over spaces, and over the full stop of a title ("Dr. Chen").
      const joins = token.tags.has("Honorific") ? /^\.?\s+$/ : /^\s+$/;
      if (!joins.test(token.post)) flush();
    } else {
      flush();
    }
  });
  flush();
  return found;
}

/** The text with only the words near a possible name left in place, or undefined when there is none. */
function maskAroundNames(text: string): string | undefined {
  const words = [...text.matchAll(/\S+/g)];
  const keep = new Uint8Array(words.length);
  let any = false;
  words.forEach((word, i) => {
    const core = /^[^\p{L}]*(\p{Lu}\p{Ll}[\p{L}'’-]*)/u.exec(word[0])?.[1]?.replace(/['’]s$/, "");
    if (core === undefined) return;
    const tags = dictionaryTags(core.toLowerCase());
    const next = words[i + 1]?.[0].toLowerCase().replace(/[^\p{L}]+$/u, "");
    const named = tags.some((tag) => NAME_TAGS.has(tag));
    if (!named && !(tags.length === 0 && next !== undefined && HUMAN_VERBS.has(next))) return;
    any = true;
    keep.fill(1, Math.max(0, i - BEFORE), Math.min(words.length, i + AFTER + 1));
  });
  if (!any) return undefined;
  let masked = "";
  let cursor = 0;
  words.forEach((word, i) => {
    if (!keep[i]) return;
    const gap = text.slice(cursor, word.index);
    const blanked = cursor > 0 && i > 0 && !keep[i - 1];
    masked += blanked ? "." + gap.slice(1).replace(/[^\n]/g, " ") : gap.replace(/\S/g, " ");
    masked += word[0];
    cursor = word.index + word[0].length;
  });
  return masked + text.slice(cursor).replace(/[^\n]/g, " ");
}

function isPersonToken(token: Token): boolean {
  return token.capital && token.tags.has("Person") && ![...token.tags].some((tag) => NOT_PEOPLE.has(tag));
}

function isUnknownName(token: Token): boolean {
  const bare = token.text.replace(/['’]s$/, "");
  return (
    /^\p{Lu}\p{Ll}+$/u.test(bare) &&
    dictionaryTags(bare.toLowerCase()).length === 0 &&
    token.tags.has("Noun") &&
    ![...token.tags].some((tag) => NOT_PEOPLE.has(tag))
  );
}

/** The word does what only people do, or is listed with someone compromise knows is a person ("Priya and Tom"). */
function actsAsPerson(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  const token = tokens[i]!;
  if (next && /^\s+$/.test(token.post) && HUMAN_VERBS.has(next.lower)) return true;
  const partner = (j: number) => tokens[j] !== undefined && isPersonToken(tokens[j]!);
  const and = (j: number) => tokens[j]?.lower === "and";
  return (and(i + 1) && partner(i + 2)) || (and(i - 1) && partner(i - 2));
}

function span(run: readonly Token[]): Candidate {
  const last = run[run.length - 1]!;
  const end = last.start + last.text.replace(/['’]s$/, "").length;
  return { kind: "person", start: run[0]!.start, end };
}
