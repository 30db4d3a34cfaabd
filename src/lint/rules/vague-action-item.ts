import { findVague } from "../language/vague.ts";
import type { Sentence } from "../prose.ts";
import { findPhrase, hitInSentence, type Hit, type Rule, type RuleContext } from "../rule.ts";

const LABELLED = /^(action items?|ai|todo|to do|follow[- ]?ups?|next steps?)\s*:/i;

/**
 * An action item to judge: under an action-items heading or label, a checklist item, a sentence labelled
 * "Action item:", or (in a fragment without template headings) any sentence that may be an instruction.
 */
function isCandidate(ctx: RuleContext, sentence: Sentence): boolean {
  if (sentence.actionItem) return sentence.first;
  if (LABELLED.test(sentence.text)) return true;
  return !ctx.doc.hasTemplate && !sentence.inTable;
}

/** `vague-action-item`: an action item that names no concrete change, place or done-condition. */
export const vagueActionItem: Rule = {
  id: "vague-action-item",
  suggestion:
    "Say what changes, where, and how we will know it is done (a threshold, a check, a test that passes).",
  check(ctx) {
    const hits: Hit[] = [];
    for (const sentence of ctx.sentences) {
      // "Review actions:" introduces the items; it is not one.
      if (!isCandidate(ctx, sentence) || sentence.text.endsWith(":")) continue;
      const extra = findPhrase(sentence.text, ctx.config.phrases.vague);
      if (extra) {
        hits.push(
          hitInSentence(
            ctx,
            sentence,
            extra.index,
            `“${extra.phrase}” is on this team's list of vague actions`,
          ),
        );
        continue;
      }
      const found = findVague(sentence.text, sentence.hasCode, () => ctx.tags.tokens(sentence.text));
      if (found) hits.push(hitInSentence(ctx, sentence, found.index, found.message));
    }
    return hits;
  },
};
