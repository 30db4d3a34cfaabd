import type { Token } from "../nlp.ts";
import { clausesOf, nounPhrase, wordKind, type NounPhrase } from "./clauses.ts";
import { FIRST_PERSON, ROLE_NOUNS } from "./words.ts";

/** A sentence that asks people to try harder; `person` is set when it names one person (then it also blames). */
export interface ShallowMatch {
  index: number;
  message: string;
  person: { index: number; name: string } | null;
}

/** Cheap test run before tagging. */
export const SHALLOW_CANDIDATE =
  /\b(careful|cautious|vigilan\w*|mindful|attentive|thorough|diligen\w*|alert|watchful|disciplined|aware|care|attention|eyes?|closely|carefully|twice|double|triple|remind\w*|stress\w*|emphasi\w+|encourag\w*|urg\w+|ask\w*|tell|told|instruct\w*|reiterat\w*|remember|forget|slow|effort|harder|discipline|vigilance|caution|lunch|brown|awareness|stop)\b/i;

type Kind = "behaviour" | "reminder" | "talk" | "stop";

const PATTERNS: [RegExp, Kind, string][] = [
  [
    /\b(be|being|stay|staying|remain|get)\s+(more\s+|extra\s+|very\s+|really\s+|extremely\s+|especially\s+|a (bit|little|lot) more\s+|super\s+)?(careful|cautious|vigilant|mindful|attentive|thorough|diligent|alert|watchful|disciplined)\b/i,
    "behaviour",
    "asks people to be more careful",
  ],
  [/\b(be|being|stay|get)\s+(more|extra|better)\s+aware\b/i, "behaviour", "asks people to be more aware"],
  [
    /\b(is|are)\s+(more|extra)\s+(careful|cautious|vigilant|mindful|attentive|thorough|diligent|alert)\b/i,
    "behaviour",
    "asks people to be more careful",
  ],
  [
    /\b(stress\w*|emphasi[sz]\w*|reiterat\w*|highlight\w*|remind\w*)\s+(\w+\s+)?(of\s+)?the importance of\b/i,
    "talk",
    "relies on reminding people",
  ],
  [
    /\btak(e|es|ing)\s+(more\s+|extra\s+|greater\s+|special\s+|additional\s+|better\s+|great\s+)?care\b(?!\s+of)/i,
    "behaviour",
    "asks people to take more care",
  ],
  [
    /\bpa(y|ys|ying)\s+(more\s+|closer\s+|extra\s+|better\s+|careful\s+|close\s+)?attention\b/i,
    "behaviour",
    "asks people to pay more attention",
  ],
  [
    /\bkeep(s|ing)?\s+(a|an)\s+(close\s+|closer\s+|careful\s+|better\s+|watchful\s+)?eyes?\s+on\b/i,
    "behaviour",
    "asks people to keep an eye on it",
  ],
  [
    /\b(watch|monitor|follow|check|review|look\s+at)\b[^.;]{0,40}?\b(more\s+)?(closely|carefully)\b/i,
    "behaviour",
    "asks people to watch more closely",
  ],
  [/\bthink(ing)?\s+twice\b/i, "behaviour", "asks people to think twice"],
  [/\b(double|triple)[- ]?check(s)?\b/i, "behaviour", "asks people to double-check"],
  [
    /\b(should|must|need to|needs to|have to|has to|will|always|please|to)\s+(always\s+)?remember\b|^remember\b|\b(don't|do not|never)\s+forget\b/i,
    "behaviour",
    "asks people to remember",
  ],
  [/\bslow\s+down\b/i, "behaviour", "asks people to slow down"],
  [
    /\b(make|makes|making)\s+(a|an|every)\s+(real\s+|more\s+|extra\s+|better\s+|conscious\s+|concerted\s+|greater\s+|serious\s+)?effort\b|\b(try|trying)\s+harder\b|\bwork\s+harder\b|\b(more|extra|greater)\s+(discipline|diligence|vigilance|caution)\b|\b(exercise|use)\s+(more\s+|extra\s+)?caution\b/i,
    "behaviour",
    "asks people to make more effort",
  ],
  [
    /\b(lunch[- ]and[- ]learns?|brown[- ]bag|awareness (session|training|campaign|email)s?)\b/i,
    "reminder",
    "relies on a talk to change behaviour",
  ],
  [
    /\b(remind\w*|stress\w*|emphasi[sz]\w*|encourag\w*|urg(e|es|ed|ing)|reiterat\w*)\s+(to\s+)?(the\s+|all\s+|our\s+|every\s+|each\s+|any\s+)?([\w-]+)/i,
    "reminder",
    "relies on reminding people",
  ],
  [
    /\b(ask|asks|asked|asking|tell|tells|told|telling|instruct\w*)\s+(the\s+|all\s+|our\s+|every\s+)?([\w-]+)\s+to\s+(\w+)/i,
    "reminder",
    "relies on asking people",
  ],
  [
    /\b(needs?|must|should|has|have)\s+(to\s+)?stop\s+\w+ing\b/i,
    "stop",
    "asks a person to stop doing something",
  ],
];

const BEHAVIOUR_VERBS = new Set(
  "be read remember double-check follow slow pay take think check verify avoid stop watch keep stick look test wait review use respect run confirm always never make".split(
    " ",
  ),
);

function tokenAt(tokens: Token[], index: number): number {
  let found = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start <= index) found = i;
  return found;
}

function isName(token: Token | undefined): boolean {
  if (!token || !token.capital || ROLE_NOUNS.has(token.lower)) return false;
  return wordKind(token) !== "thing";
}

const ASKED =
  /\b(ask|asks|asked|asking|tell|tells|told|telling|remind|reminds|reminded|reminding|urge|urged|encourage|encouraged|instruct|instructed)\s+(\p{Lu}[\p{L}'-]+)\s+to\b/u;

/** The one person a sentence asks to behave differently, by name: the subject, or the one asked. */
function namedPerson(
  sentence: string,
  tokens: Token[],
  subject: NounPhrase | null,
  at: number,
  clauseStart: number,
): ShallowMatch["person"] {
  const asked = ASKED.exec(sentence);
  if (asked) {
    const target = tokens[tokenAt(tokens, asked.index + asked[0].indexOf(asked[2]!, asked[1]!.length))];
    if (isName(target)) return { index: target!.start, name: target!.text };
  }
  const head = subject ? tokens[subject.head] : undefined;
  if (head && isName(head)) return { index: head.start, name: head.text };
  // "make sure Ines is more careful", "Going forward, Bjorn needs to be careful": the name before the request.
  for (let i = at - 1; i >= Math.max(clauseStart, at - 4); i--) {
    const t = tokens[i]!;
    if (isName(t)) return { index: t.start, name: t.text };
    if (t.tags.has("Noun") && !t.tags.has("Pronoun")) break;
  }
  return null;
}

/** Finds a fix or lesson that relies on people trying harder instead of a mechanism. */
export function findShallow(sentence: string, tag: () => Token[]): ShallowMatch | null {
  if (!SHALLOW_CANDIDATE.test(sentence)) return null;
  for (const [pattern, kind, message] of PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const tokens = tag();
    const at = tokenAt(tokens, match.index);
    const clauses = clausesOf(tokens);
    const clause = clauses.find((c) => c.start <= at && at < c.end);
    let subject = clause?.subject ?? null;
    if (!subject && clause && at > clause.start && (clause.verb === -1 || clause.verb >= at)) {
      subject = nounPhrase(tokens, clause.start, at);
    }
    // "The backup job double-checks", "our paging bot reminds": a mechanism, which is what we want.
    const head = subject ? tokens[subject.head]!.lower.replace(/['’].*$/, "") : "";
    if (subject && subject.kind === "thing" && !ROLE_NOUNS.has(head) && !FIRST_PERSON.has(head)) continue;
    // "… make prometheus work harder": the thing made to try harder is not a person.
    const before = tokens[at - 1];
    if (before && /^(make|makes|made|making|let|lets|help|helps)$/.test(tokens[at - 2]?.lower ?? "")) {
      if (wordKind(before) === "thing" && !ROLE_NOUNS.has(before.lower) && !before.tags.has("Pronoun"))
        continue;
    }
    if (kind === "reminder") {
      const asking = /^(ask|tell|told|instruct)/i.test(match[1] ?? "");
      const word = (asking ? match[3] : match[5]) ?? "";
      const target = tokens[tokenAt(tokens, match.index + match[0].indexOf(word, (match[1] ?? "").length))];
      const following = sentence.slice(match.index + match[0].length).match(/^\s+([\w-]+)/)?.[1] ?? "";
      const people =
        ROLE_NOUNS.has(word.toLowerCase()) ||
        ROLE_NOUNS.has(following.toLowerCase()) ||
        isName(target) ||
        /^(folks|all)$/i.test(word);
      if (asking && !BEHAVIOUR_VERBS.has((match[4] ?? "").toLowerCase())) continue;
      const then = /^\s*to\s+(\w+)/i.exec(sentence.slice(match.index + match[0].length));
      const reminding = /^(remind|stress|emphasi)/i.test(match[1] ?? "");
      if (!asking && !reminding && then && !BEHAVIOUR_VERBS.has(then[1]!.toLowerCase())) continue;
      if (!people && !/lunch|brown|awareness/i.test(match[0])) continue;
    }
    const person = namedPerson(sentence, tokens, subject, at, clause?.start ?? 0);
    if (kind === "stop" && !person) continue;
    return { index: match.index, message, person };
  }
  return null;
}
