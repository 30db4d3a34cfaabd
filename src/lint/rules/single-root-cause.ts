import { isEmpty, sectionOf } from "../action-items.ts";
import { hitAtLine, type Rule } from "../rule.ts";

/** `single-root-cause`: a root cause given with no contributing factors. */
export const singleRootCause: Rule = {
  id: "single-root-cause",
  suggestion:
    "Complex systems fail for several reasons at once: list the contributing factors that let this cause do harm.",
  check({ doc }) {
    if (!doc.hasTemplate) return [];
    const rootCause = sectionOf(doc, "rootCause");
    if (!rootCause || isEmpty(doc, rootCause)) return [];
    const factors = sectionOf(doc, "contributingFactors");
    if (factors && !isEmpty(doc, factors)) return [];
    const listed = rootCause.blocks.filter((b) => b.kind === "item" && b.depth === 0).length;
    if (listed >= 2) return [];
    return [hitAtLine(rootCause.line, "One root cause and no contributing factors")];
  },
};
