import { findShallow } from "../language/shallow.ts";
import { findPhrase, hitInSentence, type Hit, type Rule } from "../rule.ts";
import type { Sentence } from "../prose.ts";

/** Timeline entries report what people did at the time; only fixes and lessons can be shallow. */
function reportsEvents(sentence: Sentence): boolean {
  return (
    sentence.inTable || sentence.section?.kind === "timeline" || /^\d{1,2}[:.]\d{2}\b/.test(sentence.text)
  );
}

/** `shallow-analysis`: a fix or lesson that relies on people trying harder instead of a mechanism. */
export const shallowAnalysis: Rule = {
  id: "shallow-analysis",
  suggestion:
    "Name the mechanism that makes the failure impossible or visible: a check in CI, a guard in the tool, an alert, an automated step.",
  check(ctx) {
    const hits: Hit[] = [];
    for (const sentence of ctx.sentences) {
      const extra = findPhrase(sentence.text, ctx.config.phrases.shallow);
      if (extra) {
        hits.push(
          hitInSentence(
            ctx,
            sentence,
            extra.index,
            `“${extra.phrase}” is on this team's list of shallow fixes`,
          ),
        );
        continue;
      }
      if (reportsEvents(sentence)) continue;
      const found = findShallow(sentence.text, () => ctx.tags.tokens(sentence.text));
      if (found)
        hits.push(
          hitInSentence(ctx, sentence, found.index, `Relies on people trying harder: ${found.message}`),
        );
    }
    return hits;
  },
};
