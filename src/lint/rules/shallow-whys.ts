import type { LintWhy } from "../front-matter.ts";
import { hitAtLine, type Hit, type Rule } from "../rule.ts";

function leaves(why: LintWhy, depth: number, out: { why: LintWhy; depth: number }[]) {
  if (why.children.length === 0) out.push({ why, depth });
  for (const child of why.children) leaves(child, depth + 1, out);
  return out;
}

/** `shallow-whys`: a five-whys chain (front matter `fiveWhys`) that ends without reaching an action item. */
export const shallowWhys: Rule = {
  id: "shallow-whys",
  suggestion:
    "Keep asking why until an answer names something the team can change, then turn it into an action item.",
  check({ doc }) {
    const hits: Hit[] = [];
    for (const root of doc.frontMatter?.fiveWhys ?? []) {
      for (const { why, depth } of leaves(root, 1, [])) {
        if (why.actionItem !== null) continue;
        const asked = depth === 1 ? "one answer" : `${depth} answers`;
        hits.push(hitAtLine(why.line, `The why-chain stops after ${asked} without reaching an action item`));
      }
    }
    return hits;
  },
};
