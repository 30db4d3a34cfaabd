import { actionItemsOf } from "../action-items.ts";
import { hitAtLine, type Rule } from "../rule.ts";

const DUE =
  /\b(due|deadline|eta|target date)\b\s*[:=-]?\s*\S|\b\d{4}-\d{2}-\d{2}\b|\bby (the )?(end of|eo)\s*(day|week|month|quarter|sprint|year|[wmqy])\b|\bby (mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b(q[1-4]|h[12]) ?\d{4}\b/i;

/** `action-item-due`: an open action item with no date to be done by. */
export const actionItemDue: Rule = {
  id: "action-item-due",
  suggestion:
    "Give each action item a due date (`Due: YYYY-MM-DD`); without one it waits behind everything that has a date.",
  check({ doc }) {
    if (!doc.hasTemplate) return [];
    const found = actionItemsOf(doc);
    if (!found) return [];
    return found.items
      .filter((item) => !item.done && !DUE.test(item.text))
      .map((item) => hitAtLine(item.block.line, "Action item has no due date"));
  },
};
