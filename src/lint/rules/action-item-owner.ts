import { actionItemsOf } from "../action-items.ts";
import { hitAtLine, type Rule } from "../rule.ts";

const OWNER =
  /\b(owner|owners|assignee|assigned to|owned by|responsible)\s*[:=-]?\s*\S|(^|\s)@[\w.-]+|\(\s*owner\b/i;

/** `action-item-owner`: an open action item with nobody named to do it. */
export const actionItemOwner: Rule = {
  id: "action-item-owner",
  suggestion:
    "Name one owner (a person or a team) for each action item; an item everybody owns gets done by nobody.",
  check({ doc }) {
    if (!doc.hasTemplate) return [];
    const found = actionItemsOf(doc);
    if (!found) return [];
    return found.items
      .filter((item) => !item.done && !OWNER.test(item.text))
      .map((item) => hitAtLine(item.block.line, "Action item has no owner"));
  },
};
