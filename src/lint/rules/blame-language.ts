import { findBlame } from "../language/blame.ts";
import { findShallow } from "../language/shallow.ts";
import { findPhrase, hitInSentence, type Hit, type Rule } from "../rule.ts";

/** `blame-language`: a person or role as the cause of the failure, "human error", judgement, counterfactuals. */
export const blameLanguage: Rule = {
  id: "blame-language",
  suggestion:
    "Describe what the person knew and why the action made sense at the time, then ask what in the system allowed it (for example: “What let an untested change reach production?”).",
  check(ctx) {
    const hits: Hit[] = [];
    for (const sentence of ctx.sentences) {
      const tag = () => ctx.tags.tokens(sentence.text);
      const extra = findPhrase(sentence.text, ctx.config.phrases.blame);
      if (extra) {
        hits.push(
          hitInSentence(
            ctx,
            sentence,
            extra.index,
            `“${extra.phrase}” is on this team's list of blaming phrases`,
          ),
        );
        continue;
      }
      const found = findBlame(sentence.text, tag);
      if (found) {
        hits.push(hitInSentence(ctx, sentence, found.index, found.message));
        continue;
      }
      const named = findShallow(sentence.text, tag)?.person;
      if (named) {
        hits.push(
          hitInSentence(
            ctx,
            sentence,
            named.index,
            `Singles out ${named.name}: asking one person to be careful makes them the cause`,
          ),
        );
      }
    }
    return hits;
  },
};
