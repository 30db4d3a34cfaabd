import { dictionaryTags, type Token } from "../nlp.ts";
import {
  DESTRUCTIVE_VERBS,
  DILIGENCE_VERBS,
  HARMFUL_ADJECTIVES,
  HUMAN_IF_MODIFIED,
  LAPSE_VERBS,
  MISTAKE_ADVERBS,
  NOT_SAFEGUARDS,
  REMEDIAL_OBJECTS,
  ROLE_NOUNS,
  SAFEGUARDS,
  SYSTEM_NAMES,
} from "./words.ts";

/*
 * The cheap half of blame detection: regular expressions that decide whether a sentence is worth tagging
 * with compromise at all, and the harm markers the clause analysis looks for once it has.
 */

const words = (set: ReadonlySet<string>) => [...set].join("|");
/** Cheap test run before tagging: a sentence with none of these cues cannot blame by its structure. */
const FAULT_CUE = new RegExp(
  [
    String.raw`\b(fault of|'s fault|(his|her|their|my|your) fault|at fault|to blame|blame[sd]?)\b`,
    String.raw`\b(should|could|would|might|must|ought to)(n't| not| never)?( have|'ve)\b|\bif only\b|\bif\b.*\bhad\b|^had\b|, had\b`,
    String.raw`\b(failed|fail) to\b|\b(${words(LAPSE_VERBS)})\b`,
    String.raw`\b(did|does|do)(n't| not)\s+(${words(DILIGENCE_VERBS)})\b|\bnever\s+(${words(DILIGENCE_VERBS)})(e?d)?\b`,
    String.raw`(\bnot|n't|\bun)\s*(fully |really )?aware\b|\bmissed\b`,
    String.raw`\b(${words(MISTAKE_ADVERBS)}|${words(HARMFUL_ADJECTIVES)}|accidental|mistaken|inadvertent|unintentional)\b`,
    String.raw`\bwithout ([\w-]+ ){0,2}(test|check|review|approv|ci\b|verif|validat|scrutiny|permission|consult|ask|tell|read|back|warn|notif|coordinat|sign|wait|canary|staging|dry)`,
    String.raw`\b(instead of|by mistake|by accident|caused by|triggered by|introduced by)\b`,
    String.raw`\b(${words(DESTRUCTIVE_VERBS)})\b|\b(passwords?|credentials?|secrets?|api keys?|private keys?|access keys?)\b`,
  ].join("|"),
  "i",
);

const ROLE_CUE = new RegExp(
  `(^|[^\\p{L}-])(${[...ROLE_NOUNS, ...HUMAN_IF_MODIFIED].join("|")})(?![\\p{L}-])`,
  "iu",
);
const CAPITALISED =
  /(?:^|[^\p{L}\p{N}_-])(?:(by|if|had|when|until|as) )?(\p{Lu}[\p{Ll}'’-]+)(?=(\s+(\p{Ll}+ed|did|didn't|does|doesn't|was|wasn't|should|shouldn't|could|had|has|forgot|ran|made|must|needs|never|failed|just|accidentally|took|ignored|broke|put|set|left|thought|chose|mistakenly|wrongly|blindly|carelessly))?)/gu;

/** Could the sentence name a person: a role, a pronoun for people, or a name in the place of an agent? */
export function mayNamePerson(sentence: string): boolean {
  if (ROLE_CUE.test(sentence)) return true;
  for (const match of sentence.matchAll(CAPITALISED)) {
    const word = match[2]!.toLowerCase().replace(/['’]s?$/, "");
    if (SYSTEM_NAMES.has(word)) continue;
    const known = dictionaryTags(word);
    if (known.some((t) => /Name$|^Person$/.test(t))) return true;
    if (known.length > 0) continue;
    // An unknown capitalised word is likely a product unless it stands where an agent stands.
    if (match[1] || match[3] || /['’]s$/.test(match[2]!)) return true;
  }
  return false;
}

/** Lapse of awareness told without a subject ("Without fully aware of the current context, …"). */
export const UNAWARE = /\bwithout (being )?(fully |really |properly |completely )?aware\b/i;

const RISK_CONTEXT =
  /\b((straight|directly) (in)?to (main|master|prod|production|the main branch)|busiest|peak (hours?|traffic|time|load|season)|business (hours|day)|middle of the (business |working |work )?day|friday (afternoon|night|evening)|against (the )?(prod|production|primary|live|master)|against (the )?(policy|process|rules?|guidelines?|runbook|advice)|during (the |a )?(change |code )?freeze)\b/i;
const CONSEQUENCE_PARTICIPLES =
  /^(breaking|taking|bringing|deleting|wiping|exposing|corrupting|disabling|knocking|dropping|overloading|crashing)$/;
/**
 * Does the stretch [from, to) say the act was a mistake or did harm? "strong" when the words say so
 * ("a broken config", "accidentally", "instead of"), "weak" when only the setting does ("without review",
 * "against production", "at peak"), where fixing things is also done.
 */
export function harmIn(tokens: Token[], from: number, to: number, text: string): "strong" | "weak" | null {
  let weak = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (MISTAKE_ADVERBS.has(t.lower) || HARMFUL_ADJECTIVES.has(t.lower)) return "strong";
    if (t.lower === "instead" && tokens[i + 1]?.lower === "of") return "strong";
    if (t.lower === "by" && /^(mistake|accident)$/.test(tokens[i + 1]?.lower ?? "")) return "strong";
    if (CONSEQUENCE_PARTICIPLES.test(t.lower) && i > from && tokens[i - 1]!.post.includes(","))
      return "strong";
    if (t.lower === "without") {
      const next = tokens[i + 1];
      if (next && !NOT_SAFEGUARDS.has(next.lower) && !NOT_SAFEGUARDS.has(tokens[i + 2]?.lower ?? "")) {
        weak ||= SAFEGUARDS.test(next.lower);
      }
    }
  }
  return weak || RISK_CONTEXT.test(text) ? "weak" : null;
}

export function isRemedial(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (REMEDIAL_OBJECTS.has(tokens[i]!.lower)) return true;
  return false;
}

/** What the act did, told right after it ("… an experiment that disabled caching site-wide"). */
export const CONSEQUENCE =
  /\b(that|which|and)\s+(then\s+|also\s+|immediately\s+)?(disabled|broke|deleted|removed|wiped|took down|brought down|exposed|corrupted|overloaded|crashed|truncated|locked|exhausted|leaked|overwrote|killed|destroyed|knocked out)\b/i;

/** Is the sentence worth tagging: a fault cue and someone who may be a person? */
export function mayBlame(sentence: string): boolean {
  const cue = FAULT_CUE.test(sentence) || CONSEQUENCE.test(sentence) || RISK_CONTEXT.test(sentence);
  return cue && mayNamePerson(sentence);
}
