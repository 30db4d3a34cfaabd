import { actionItemsOf } from "../action-items.ts";
import { hitAtLine, type Hit, type Rule } from "../rule.ts";

const HIGH = /\b(priority\s*[:=]?\s*high|high[- ]priority|\(high\)|\[high\]|p0|p1|critical)\b|❗|🔥/i;

/** `action-item-overload`: more open action items than a team finishes, or none marked as the ones that matter. */
export const actionItemOverload: Rule = {
  id: "action-item-overload",
  suggestion:
    "Keep the two or three fixes with the most impact, mark them high priority, and move the rest to the backlog.",
  check({ doc, config }) {
    if (!doc.hasTemplate) return [];
    const found = actionItemsOf(doc);
    if (!found) return [];
    const open = found.items.filter((item) => !item.done);
    const { maxItems, requireHighPriority } = config.overload;
    const hits: Hit[] = [];
    if (open.length > maxItems) {
      hits.push(
        hitAtLine(
          found.section.line,
          `${open.length} open action items: more than ${maxItems} rarely all get done`,
        ),
      );
    }
    const priorities = doc.frontMatter?.priorities ?? [];
    const high = found.items.some((item) => priorities[item.index] === "high" || HIGH.test(item.text));
    if (requireHighPriority && open.length > 3 && !high) {
      hits.push(
        hitAtLine(found.section.line, `None of the ${open.length} open action items is marked high priority`),
      );
    }
    return hits;
  },
};
