import type { LintConfig } from "./config.ts";
import type { LintDocument } from "./document.ts";
import type { RuleId } from "./finding.ts";
import type { TagCache } from "./nlp.ts";
import type { Sentence } from "./prose.ts";

/** Everything a rule may read during one lint run. */
export interface RuleContext {
  doc: LintDocument;
  sentences: Sentence[];
  tags: TagCache;
  config: LintConfig;
}

/** A finding before the engine adds the rule id, severity and section. */
export interface Hit {
  line: number;
  column: number;
  message: string;
}

export interface Rule {
  id: RuleId;
  /** What to do instead, shown with every finding of the rule; null when the message says it. */
  suggestion: string | null;
  check(ctx: RuleContext): Hit[];
}

/** A hit at a character of a sentence. */
export function hitInSentence(ctx: RuleContext, sentence: Sentence, index: number, message: string): Hit {
  const { line, column } = ctx.doc.position(sentence.sourceOffset(index));
  return { line, column, message };
}

/** A hit at the start of a line. */
export function hitAtLine(line: number, message: string): Hit {
  return { line, column: 1, message };
}

const phrasePatterns = new Map<string, RegExp>();

/** A configured phrase as a whole-word, case-insensitive pattern (compiled once per phrase). */
export function phrasePattern(phrase: string, flags = "iu"): RegExp {
  const key = `${flags}:${phrase}`;
  let pattern = phrasePatterns.get(key);
  if (!pattern) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
    phrasePatterns.set(key, pattern);
  }
  return pattern;
}

/** Whole-word, case-insensitive search for configured phrases; the first match, or null. */
export function findPhrase(
  text: string,
  phrases: readonly string[],
): { index: number; phrase: string } | null {
  for (const phrase of phrases) {
    const match = phrasePattern(phrase).exec(text);
    if (match) return { index: match.index, phrase };
  }
  return null;
}
