import { dictionaryTags, type Token } from "../nlp.ts";
import { HUMAN_IF_MODIFIED, HUMAN_MODIFIERS, PERSON_PRONOUNS, ROLE_NOUNS, SYSTEM_NAMES } from "./words.ts";

/**
 * Who a noun phrase is: a person (a name, a pronoun for people, a role or a team), perhaps a person (an
 * unknown capitalised word: a name compromise does not know, or a product), or a thing.
 */
export type AgentKind = "person" | "maybe" | "thing";

export interface NounPhrase {
  start: number;
  end: number;
  head: number;
  kind: AgentKind;
  /** "Maya's" in "Maya's fault": the person the phrase belongs to. */
  possessor: { index: number; kind: AgentKind } | null;
}

/** A clause: its subject (the noun phrase before its first verb) and the words after it. */
export interface Clause {
  start: number;
  end: number;
  /** The word that opened the clause ("if", "when", "because"…), lower case, or "". */
  opener: string;
  subject: NounPhrase | null;
  /** Index of the first verb (or auxiliary) after the subject; -1 when there is none. */
  verb: number;
  /** "Had Lars tested …": the subject comes after an inverted "had". */
  inverted: boolean;
}

const SUBORDINATORS = new Set(
  "because when whenever while since although though after before until unless if so which who whereas once where as that".split(
    " ",
  ),
);
const COORDINATORS = new Set(["and", "but", "so", "then", "yet", "or"]);
const QUANTIFIERS =
  /^(one|two|three|some|several|many|most|all|none|each|any|both|either|neither|few|a few)$/;
const NAME_TAGS = ["FirstName", "MaleName", "FemaleName", "LastName", "Honorific"];

const isVerb = (t: Token) =>
  (t.tags.has("Verb") || t.tags.has("Modal") || t.tags.has("Auxiliary")) && !ROLE_NOUNS.has(t.lower);
const isNounish = (t: Token) =>
  t.tags.has("Noun") || t.tags.has("Pronoun") || t.tags.has("Acronym") || ROLE_NOUNS.has(t.lower);

function bare(lower: string): string {
  return lower.replace(/['’]s$/, "").replace(/['’]$/, "");
}

/** What kind of agent one word is, given the words modifying it. */
export function wordKind(token: Token, modifiers: Token[] = []): AgentKind {
  const word = bare(token.lower);
  if (PERSON_PRONOUNS.has(word) || ROLE_NOUNS.has(word)) return "person";
  if (HUMAN_IF_MODIFIED.has(word) && modifiers.some((m) => HUMAN_MODIFIERS.has(m.lower))) return "person";
  if (!token.capital || SYSTEM_NAMES.has(word) || token.post.includes(":")) return "thing";
  const known = dictionaryTags(word);
  if (known.some((tag) => NAME_TAGS.includes(tag))) return "person";
  if (known.length > 0) return "thing";
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(token.text.replace(/['’]s$/, ""))) return "thing";
  return token.tags.has("Person") ? "person" : "maybe";
}

/** Reads the noun phrase in [start, end): its head is the last noun before any preposition. */
export function nounPhrase(tokens: Token[], start: number, end: number): NounPhrase | null {
  let stop = end;
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (i > start && (t.tags.has("Preposition") || t.lower === "of") && !t.tags.has("Hyphenated")) {
      stop = i;
      break;
    }
  }
  // "One of the engineers", "two of our SREs": the people are after "of".
  if (stop < end && tokens[stop]!.lower === "of" && QUANTIFIERS.test(tokens[stop - 1]!.lower)) {
    return nounPhrase(tokens, stop + 1, end);
  }
  let head = -1;
  let possessor: NounPhrase["possessor"] = null;
  for (let i = start; i < stop; i++) {
    const t = tokens[i]!;
    if (!isNounish(t) && !t.capital) continue;
    const possessive = t.tags.has("Possessive") || /['’]s?$/.test(t.text);
    if (possessive && i < stop - 1 && !t.tags.has("Pronoun")) {
      possessor = { index: i, kind: wordKind(t, tokens.slice(start, i)) };
    } else if (possessive && t.tags.has("Pronoun") && i < stop - 1) {
      possessor = { index: i, kind: /^(his|her|their|my|your)$/.test(t.lower) ? "person" : "thing" };
    } else {
      head = i;
    }
  }
  if (head === -1) {
    if (!possessor) return null;
    head = possessor.index;
  }
  const kind = wordKind(tokens[head]!, tokens.slice(start, head));
  return { start, end, head, kind, possessor };
}

function clauseStarts(tokens: Token[]): number[] {
  const starts = [0];
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!;
    const word = tokens[i]!.lower;
    if (/[;:—–()]|\s-\s/.test(previous.post)) starts.push(i);
    else if (previous.post.includes(",") && (COORDINATORS.has(word) || SUBORDINATORS.has(word)))
      starts.push(i);
    else if (previous.post.includes(",") && tokens[i]!.tags.has("Gerund")) starts.push(i);
    else if (SUBORDINATORS.has(word) && word !== "that" && word !== "as") starts.push(i);
    else if (word === "that" && tokens[i + 1] && isVerb(tokens[i + 1]!)) starts.push(i);
  }
  return starts;
}

/** Splits a tagged sentence into clauses and finds each clause's subject. */
export function clausesOf(tokens: Token[]): Clause[] {
  const starts = clauseStarts(tokens);
  return starts.map((start, n) => {
    const end = starts[n + 1] ?? tokens.length;
    let i = start;
    let opener = "";
    while (i < end && (SUBORDINATORS.has(tokens[i]!.lower) || COORDINATORS.has(tokens[i]!.lower))) {
      opener ||= tokens[i]!.lower;
      i++;
    }
    while (i < end && (tokens[i]!.lower === "only" || tokens[i]!.tags.has("Adverb"))) i++;
    // A short lead-in ("Going forward, Bjorn …", "Next time, everyone …") is not the subject.
    for (let k = i; k < Math.min(end - 1, i + 3); k++) {
      if (tokens[k]!.post.includes(",")) {
        const next = tokens[k + 1]!;
        if (next.capital || next.tags.has("Noun") || next.tags.has("Pronoun")) i = k + 1;
        break;
      }
    }
    let inverted = false;
    if (tokens[i]?.lower === "had" && i + 1 < end && !isVerb(tokens[i + 1]!)) {
      inverted = true;
      i++;
    }
    let verb = -1;
    for (let j = i; j < end; j++) {
      const t = tokens[j]!;
      // "Engineers need to …": compromise reads "need" as a noun after a plural it mistakes for a verb.
      if (
        (t.lower === "need" || t.lower === "needs") &&
        j > i &&
        !tokens[j - 1]!.tags.has("Determiner") &&
        tokens[j + 1]?.lower === "to"
      ) {
        verb = j;
        break;
      }
      if (
        isVerb(t) &&
        !(t.tags.has("Gerund") && j > i) &&
        !(j === i && isNounish(t) && !t.tags.has("Imperative"))
      ) {
        verb = j;
        break;
      }
    }
    const subject = verb > i ? nounPhrase(tokens, i, verb) : null;
    return { start, end, opener, subject, verb, inverted };
  });
}

/** The agents a sentence mentions after "by" ("written by Sam", "caused by Ikram's decision"). */
export function byAgents(tokens: Token[], from: number, to: number): NounPhrase[] {
  const agents: NounPhrase[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i]!.lower !== "by") continue;
    let end = i + 1;
    while (end < to && !isVerb(tokens[end]!) && !tokens[end - 1]!.post.includes(",")) end++;
    const np = nounPhrase(tokens, i + 1, end);
    if (np) agents.push(np);
  }
  return agents;
}
