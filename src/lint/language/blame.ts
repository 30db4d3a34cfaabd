import type { Token } from "../nlp.ts";
import { CONSEQUENCE, harmIn, isRemedial, mayBlame, UNAWARE } from "./blame-cues.ts";
import { byAgents, clausesOf, nounPhrase, type AgentKind, type Clause, type NounPhrase } from "./clauses.ts";
import {
  CHANGE_VERBS,
  DATA_OBJECTS,
  DESTRUCTIVE_VERBS,
  DILIGENCE_VERBS,
  GUARDS_AGAINST,
  HUMAN_ERROR,
  JUDGEMENT,
  JUDGEMENT_IDIOMS,
  LAPSE_VERBS,
  MISTAKE_ADVERBS,
  SECRET_OBJECTS,
  SHARING_VERBS,
} from "./words.ts";

/** Where a sentence blames, and how. `index` is a character index in the sentence. */
export interface BlameMatch {
  index: number;
  message: string;
}

const HUMAN_ACTS = new Set(
  "pushed merged typed approved forgot ignored panicked neglected overlooked misread mistyped decided chose skipped bypassed committed wrote".split(
    " ",
  ),
);
/** Nouns for something a person did ("Ikram's decision", "her change"). */
const ACT_NOUNS = new Set(
  "decision choice mistake change commit action command typo push deploy deployment oversight error call merge edit script update".split(
    " ",
  ),
);
/** Things a person can miss that were there to be seen ("missed the alert", "missed the regression"). */
const MISSABLE =
  /\b(alerts?|pages?|warnings?|messages?|steps?|notifications?|emails?|checks?|regressions?|bugs?|issues?|errors?|problems?|signs?|failures?|expiry|renewal|review|ticket)\b/;
/** Verbs of noticing: what follows them is what the person saw, not what they did. */
const PERCEPTION = new Set(
  "noticed saw found discovered identified spotted detected realised realized confirmed reported observed investigated flagged diagnosed".split(
    " ",
  ),
);
const MODALS = new Set(["should", "could", "would", "might", "must", "ought"]);

const personLike = (kind: AgentKind | undefined) => kind === "person" || kind === "maybe";

function agentOf(subject: NounPhrase | null): AgentKind | undefined {
  if (!subject) return undefined;
  if (subject.kind === "thing" && subject.possessor && subject.possessor.kind !== "thing") {
    return undefined; // "Yara's rollback": the act belongs to a person but its subject is a thing
  }
  return subject.kind;
}

function textOf(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t, i, all) => t.text + (i < all.length - 1 ? t.post : ""))
    .join("")
    .trim();
}

// A capitalised word with the ending of an English common noun ("Notification", "Deployment", "Karpenter")
// is a thing or a tool, not a name.
const COMMON_NOUN_ENDING =
  /(tion|sion|ment|ness|ity|ance|ence|ing|ure|age|ship|ism|ery|ology|ics|ive|ous|able|ible|er|or|ist|ade|ize|ise|out|up|log|bot|ler|tor)(['’]s)?$/;

function clauseBlame(tokens: Token[], clauses: Clause[], n: number): BlameMatch | null {
  let clause = clauses[n]!;
  // ", bypassing the pipeline": a participle clause acts with the subject of the clause before it.
  const previous = clauses[n - 1];
  if (!clause.subject && previous?.subject && tokens[clause.start]?.lower.endsWith("ing") && !clause.opener) {
    clause = { ...clause, subject: previous.subject, verb: clause.start };
  }
  const subject = clause.subject;
  const agent = agentOf(subject);
  if (!subject || !personLike(agent) || clause.verb < 0) return null;
  const at = tokens[subject.head]!.start;
  const who = `“${textOf(tokens, subject.start, subject.head + 1)}”`;
  const self = /^(we|us|i|me)$/.test(tokens[subject.head]!.lower.replace(/['’].*$/, ""));
  const verbs = tokens.slice(clause.verb, clause.end);
  const words = verbs.map((t) => t.lower);
  const text = textOf(tokens, clause.start, clause.end);
  const sure = agent === "person";
  // A capitalised word the dictionary does not know and no system is called ("Priya", "Okonkwo"): a
  // name, when what it did was a harmful act. Names from every culture cannot all be listed.
  const head = tokens[subject.head]!;
  const named =
    sure || (agent === "maybe" && !self && !head.tags.has("Plural") && !COMMON_NOUN_ENDING.test(head.lower));

  // Counterfactuals: "X should have known", "if only X had", "had X tested", "if X had followed".
  // A modal perfect with the person as agent; "should have been communicated" is passive, about a thing.
  const modal = verbs.findIndex((t, i) => {
    if (!MODALS.has(t.lower)) return false;
    const have = [1, 2, 3].map((k) => i + k).find((k) => verbs[k]?.lower === "have") ?? -1;
    const done = verbs[have + 1];
    if (have === -1 || !done || !(done.tags.has("PastTense") || done.tags.has("Participle"))) return false;
    const passive = done.lower === "been" && verbs[have + 2]?.tags.has("PastTense");
    return !passive;
  });
  // "… so they could have tested it too": what an earlier change would have made possible, not a lapse.
  const possibility = clause.opener === "so" || clause.opener === "then" || clause.opener === "that";
  if (modal !== -1 && sure && !self && !possibility) {
    return { index: at, message: `Counterfactual about what ${who} should have done` };
  }
  if ((clause.opener === "if" || clause.inverted) && (words[0] === "had" || clause.inverted) && !self) {
    return { index: at, message: `Counterfactual about what ${who} should have done` };
  }

  // Lapses: "failed to", "forgot", "ignored", "didn't read", "wasn't aware".
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1] ?? "";
    const after = words[i + 2] ?? "";
    const lapse =
      (w === "failed" && next === "to") ||
      (LAPSE_VERBS.has(w) && (sure || HUMAN_ACTS.has(w))) ||
      ((w === "did" || w === "does" || w === "do") && next === "not" && DILIGENCE_VERBS.has(after)) ||
      (w === "never" && DILIGENCE_VERBS.has(next.replace(/ed$/, ""))) ||
      ((w === "was" || w === "were") &&
        next === "not" &&
        /^(fully |really )?aware$/.test(after === "fully" ? `fully ${words[i + 3]}` : after)) ||
      ((w === "was" || w === "were") && next === "unaware") ||
      (w === "missed" &&
        /^(the|an|a|two|three|several|multiple|this|that|these)$/.test(next) &&
        MISSABLE.test(words.slice(i + 1, i + 4).join(" ")));
    if (lapse && (sure || w === "failed" || HUMAN_ACTS.has(w) || w === "did")) {
      return { index: at, message: `Makes ${who} the cause of the failure` };
    }
  }

  // Any act done "accidentally", "mistakenly", "carelessly" by a person.
  const manner = tokens.slice(subject.head + 1, clause.end);
  const slip = manner.findIndex((t) => MISTAKE_ADVERBS.has(t.lower));
  if (slip !== -1 && sure && manner.slice(slip + 1, slip + 3).some((t) => t.tags.has("Verb"))) {
    return { index: at, message: `Makes ${who} the cause of the failure` };
  }

  // Harmful acts: a change whose object or manner was the problem ("pushed a broken config").
  // Destroying data, or handing out a secret, is harm in itself.
  for (let i = 0; i < verbs.length; i++) {
    const t = verbs[i]!;
    const objects = verbs.slice(i + 1, i + 6).map((o) => o.lower);
    const destroys = DESTRUCTIVE_VERBS.has(t.lower) && objects.some((o) => DATA_OBJECTS.has(o));
    const leaks = SHARING_VERBS.has(t.lower) && objects.some((o) => SECRET_OBJECTS.has(o));
    if (
      (destroys || leaks) &&
      (named || HUMAN_ACTS.has(t.lower)) &&
      !isRemedial(tokens, clause.verb + i, clause.end)
    ) {
      return { index: at, message: `Makes ${who} the cause of the failure` };
    }
  }
  const act = verbs.findIndex((t) => CHANGE_VERBS.has(t.lower) && t.tags.has("Verb"));
  const observing = words.some((w) => PERCEPTION.has(w));
  if (act !== -1 && !observing && (named || HUMAN_ACTS.has(words[act]!))) {
    const from = clause.verb + act;
    const rest = textOf(tokens, from, tokens.length);
    const harm = CONSEQUENCE.test(rest) ? "strong" : harmIn(tokens, subject.head + 1, clause.end, text);
    if (harm === "strong" || (harm === "weak" && !isRemedial(tokens, from, clause.end))) {
      return { index: at, message: `Makes ${who} the cause of the failure` };
    }
  }
  return null;
}

function byBlame(tokens: Token[], clauses: Clause[]): BlameMatch | null {
  for (const clause of clauses) {
    for (const agent of byAgents(tokens, clause.start, clause.end)) {
      const owner = agent.possessor;
      const actNoun = ACT_NOUNS.has(tokens[agent.head]!.lower);
      const person =
        agent.kind === "person"
          ? agent.head
          : owner && (owner.kind === "person" || (owner.kind === "maybe" && actNoun))
            ? owner.index
            : -1;
      if (person === -1) continue;
      const before = tokens[agent.start - 2]?.lower ?? "";
      const causal = /^(caused|triggered|introduced)$/.test(before);
      const clauseText = textOf(tokens, clause.start, clause.end);
      if (causal || harmIn(tokens, clause.start, clause.end, clauseText)) {
        const name = tokens[person]!.text.replace(/['’]s$/, "");
        return { index: tokens[person]!.start, message: `Makes “${name}” the cause of the failure` };
      }
    }
  }
  return null;
}

function faultBlame(tokens: Token[]): BlameMatch | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower !== "fault" && t.lower !== "blame") continue;
    if (tokens[i + 1]?.lower === "of") {
      let end = i + 2;
      while (end < tokens.length && !/[,;:.]/.test(tokens[end - 1]!.post) && !tokens[end]!.tags.has("Verb"))
        end++;
      const np = nounPhrase(tokens, i + 2, end);
      if (np && np.kind === "person")
        return { index: tokens[np.head]!.start, message: `Calls “${tokens[np.head]!.text}” the fault` };
    }
    const owner = tokens[i - 1];
    if (owner && (owner.tags.has("Possessive") || /^(his|her|their|my|your|our)$/.test(owner.lower))) {
      const isPerson =
        /^(his|her|their|my|your|our)$/.test(owner.lower) || owner.capital || /['’]s$/.test(owner.text);
      if (isPerson) return { index: owner.start, message: "Calls it a person's fault" };
    }
  }
  return null;
}

/** Finds blame in one sentence: a person as the cause, "human error", judgement words, counterfactuals. */
export function findBlame(sentence: string, tag: () => Token[]): BlameMatch | null {
  const human = HUMAN_ERROR.exec(sentence);
  if (human && !GUARDS_AGAINST.test(sentence.slice(0, human.index))) {
    return { index: human.index, message: `${quote(human[0])} makes a person the cause` };
  }
  for (const pattern of [JUDGEMENT, JUDGEMENT_IDIOMS]) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    // "The retry loop blindly retried", "the deploy messed up the routes": a thing, not a person, acted.
    const aboutAnAct = /ly$|^(mess|screw|drop|fell|asleep|fat)/i.test(match[0]);
    if (aboutAnAct && subjectIsThing(tag(), match.index)) continue;
    return {
      index: match.index,
      message: `${quote(match[0])} judges a person instead of describing what happened`,
    };
  }
  const unaware = UNAWARE.exec(sentence);
  if (unaware)
    return {
      index: unaware.index,
      message: "Says someone acted without knowing; ask what would have shown them",
    };
  if (!mayBlame(sentence)) return null;
  const tokens = tag();
  const clauses = clausesOf(tokens);
  if (/\bif only\b/i.test(sentence) && clauses.some((c) => personLike(c.subject?.kind))) {
    return {
      index: /\bif only\b/i.exec(sentence)!.index,
      message: "Counterfactual about what someone should have done",
    };
  }
  const fault = faultBlame(tokens);
  if (fault) return fault;
  for (let n = 0; n < clauses.length; n++) {
    const found = clauseBlame(tokens, clauses, n);
    if (found) return found;
  }
  return byBlame(tokens, clauses);
}

function subjectIsThing(tokens: Token[], index: number): boolean {
  const clause = clausesOf(tokens).find((c) => (tokens[c.end - 1]?.start ?? 0) >= index);
  const subject = clause?.subject;
  return subject !== null && subject !== undefined && subject.kind === "thing" && !subject.possessor;
}

function quote(text: string): string {
  return `“${text}”`;
}
