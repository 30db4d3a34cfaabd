import type { Token } from "../nlp.ts";

/** An action item that names no concrete change, place or done-condition. */
export interface VagueMatch {
  index: number;
  message: string;
}

/** Verbs that announce an intention without saying what changes. */
const VAGUE_VERBS = new Set(
  `improve enhance investigate explore consider review revisit re-evaluate reevaluate evaluate assess optimize
   optimise harden refactor research address discuss rethink streamline strengthen reduce increase better
   fix tidy tweak look follow think work clean check monitor update document`.split(/\s+/),
);
/** Verbs that need a particle to be vague ("look into", "follow up"), and the particles. */
const PARTICLE_VERBS: Record<string, RegExp> = {
  look: /^(into|at)$/,
  follow: /^up$/,
  think: /^about$/,
  work: /^on$/,
  clean: /^up$/,
  check: /^(on|in)$/,
};
/** Verbs that are vague only with a generic object ("update the docs"). */
const GENERIC_OBJECT_VERBS = new Set(["update", "document", "monitor", "fix", "check"]);
const GENERIC_OBJECTS =
  /^(the |our |all |any )?(docs?|documentation|runbooks?|wiki|process(es)?|procedures?|things?|issues?|problems?|it|this|that|stuff|monitoring|alerts?|alerting|dashboards?|system|setup|config(uration)?)$/i;
const QUANTITY_WORDS = /^(more|better|extra|additional|improved|further|proper|stronger|enhanced)$/i;
const MAKE_QUALITIES =
  /\b(more \w+|better|faster|safer|easier|simpler|reliable|robust|resilient|stable|stronger|smoother|quicker|cleaner|leaner)\b/i;
const FOREVER =
  /\b(eventually|someday|some day|at some point|somehow|if possible|where possible|when possible|as needed|if time permits|tbd|tbc|etc)\b|\?\s*$/i;

const PREFIX =
  /^(?:(?:action items?|ai|todo|to do|follow[- ]?ups?|next steps?|fix|improvement)\s*[:\-–]\s*)?(?:(?:we|the team|someone|somebody|they|you|i)\s+)?(?:(?:should|must|will|shall|need to|needs to|have to|has to|plan to|are going to|is going to|to|want to|would like to|could)\s+)?(?:also\s+|probably\s+|maybe\s+|perhaps\s+)?/i;
/** Owner, due date, ticket tails: they do not make an item specific ("An owner and due date do not …"). */
const TAIL =
  /(?:\s+[-–—|]\s*(?:owner|assignee|assigned to|due|deadline|eta|by)\b.*$)|(?:\s*\((?:owner|assignee|due|by)\b[^)]*\))|(?:,?\s+(?:owner|due)\s*:.*$)/i;
const SPECIFIC =
  /\d|`|["“][^"”]+["”]|\b\w+\.(ya?ml|json|tf|md|ts|js|py|go|sh|sql|conf|ini|toml)\b|\/\w|\b(when|whenever|if|so that|such that|until|unless|instead of|from \w+ to|by (adding|using|moving|setting|making|removing|replacing)|that (alerts?|pages?|fails?|blocks?|rejects?|checks?|warns?))\b/i;
const MADE_CONCRETE = /\bmake\b[^.]*\b(the default|mandatory|required|read-only|immutable|a blocking)\b/i;
const CONCRETE_FOLLOW_UP =
  /\b(and|then|to)\s+(add|set|alert|page|block|reject|require|pin|remove|enable|disable|create|automate|write a|replace|migrate|move|raise|lower|cap|limit|fail|run)\b/i;

function firstWords(text: string): { verb: string; rest: string; offset: number } {
  const stripped = PREFIX.exec(text);
  const offset = stripped ? stripped[0].length : 0;
  const body = text.slice(offset);
  const match = /^([\p{L}-]+)\s*(.*)$/su.exec(body);
  return { verb: (match?.[1] ?? "").toLowerCase(), rest: (match?.[2] ?? "").trim(), offset };
}

/**
 * Judges one candidate action item (a checklist item, a bullet under Action Items, or an imperative
 * sentence of a fragment): vague when it starts with a vague verb or "more X" and names nothing concrete.
 */
export function findVague(text: string, hasCode: boolean, tag: () => Token[]): VagueMatch | null {
  const item = text.replace(TAIL, "").trim();
  const { verb, rest, offset } = firstWords(item);
  const object = rest.replace(/[.!?;:]+$/, "").trim();
  const words = object.split(/\s+/).filter(Boolean);
  const forever = FOREVER.test(item);
  const specific =
    !forever &&
    (hasCode ||
      SPECIFIC.test(item) ||
      MADE_CONCRETE.test(item) ||
      CONCRETE_FOLLOW_UP.test(object) ||
      words.length > 9);
  if (specific) return null;

  let vague = false;
  if (QUANTITY_WORDS.test(verb)) {
    vague = words.length <= 6 || forever; // "Extra logging in the worker?", "More tests"
  } else if (verb === "make") {
    vague = MAKE_QUALITIES.test(object) && words.length <= 6;
  } else if (/^(write|add|get|have|need|do|use)$/.test(verb)) {
    vague = QUANTITY_WORDS.test(words[0] ?? "") && words.length <= 4;
  } else if (VAGUE_VERBS.has(verb)) {
    const particle = PARTICLE_VERBS[verb];
    if (particle && !particle.test(words[0] ?? "")) return null;
    if (GENERIC_OBJECT_VERBS.has(verb) && !particle && !GENERIC_OBJECTS.test(object)) return null;
    vague = words.length > 0 && words.length <= 8;
  }
  if (!vague) return null;
  // A sentence that reports what happened ("Review of the logs showed …") is not an action item.
  const tokens = tag();
  const clauseEnd = tokens.findIndex(
    (t, i) => i > 0 && /^(why|what|how|whether|which|that|if|when|where|who)$/.test(t.lower),
  );
  const main = clauseEnd === -1 ? tokens : tokens.slice(0, clauseEnd);
  const reported = main.some(
    (t, i) =>
      i > 0 &&
      t.start > offset &&
      (t.tags.has("PastTense") || t.tags.has("Copula")) &&
      !t.tags.has("Participle") &&
      !t.tags.has("Adjective") &&
      /ed$|^(was|were|is|are|showed|found|took)$/.test(t.lower),
  );
  if (reported || /^(of|was|is|were|has|had|showed|found)\b/i.test(rest)) return null;
  return {
    index: offset,
    message: forever
      ? "Action item has no concrete change or end point"
      : `Vague action item: “${item.slice(offset).replace(/[.!?]+$/, "")}” does not say what changes or how we know it is done`,
  };
}
