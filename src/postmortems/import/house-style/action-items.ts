import type { List, Table } from "mdast";
import { CalendarDate } from "../../../shared/time.ts";
import type { ParsedActionItem } from "../parse-template.ts";
import { lineOf, type Section } from "./sections.ts";
import { inlineText, ownText } from "./text.ts";

const DONE = /\(\s*done\s*\)|\bdone\b[.!]?\s*$|^\s*done\b|✅|✔|\(completed\)|\bcompleted\b[.!]?\s*$/i;
const TRACKER =
  /https?:\/\/\S*?(?:\/issues\/\d+|\/pull\/\d+|\/merge_requests\/\d+|\/work_items\/\d+|\/browse\/[A-Z][A-Z0-9]+-\d+|atlassian\.net\/\S+)/;

export interface HouseActionItem extends ParsedActionItem {
  status: "open" | "done" | "wont_do";
  type: "prevent" | "detect" | "mitigate" | "process" | null;
  externalUrl: string | null;
}

const TYPES = ["prevent", "detect", "mitigate", "process"] as const;

function item(
  title: string,
  line: number,
  extra: {
    checked?: boolean | null;
    struck?: boolean;
    owner?: string;
    due?: string;
    type?: string;
    url?: string;
    status?: string;
  } = {},
): HouseActionItem | null {
  const clean = title.replace(/\s*\n\s*/g, " ").trim();
  if (!clean) return null;
  const struck = extra.struck ?? false;
  const statusText = extra.status?.trim() ?? "";
  const done =
    extra.checked === true ||
    DONE.test(clean) ||
    /\b(DONE|FIXED|COMPLETED?)\b/.test(extra.url ?? "") ||
    /^(done|closed|fixed|complete(d)?|resolved)$/i.test(statusText);
  const wontDo = struck || /^(won'?t( do| fix)?|wont_do|cancel(l)?ed|rejected)$/i.test(statusText);
  const type = extra.type?.trim().toLowerCase() ?? "";
  const due = extra.due?.trim() || DUE.exec(clean)?.[1] || null;
  return {
    title: clean,
    owner: extra.owner?.trim() || ownerOf(clean),
    dueDate: due && CalendarDate.safeParse(due).success ? due : null,
    checked: done || wontDo,
    struck,
    line,
    status: wontDo ? "wont_do" : done ? "done" : "open",
    type: (TYPES as readonly string[]).includes(type) ? (type as HouseActionItem["type"]) : null,
    externalUrl: urlOf(extra.url ?? "") ?? urlOf(clean),
  };
}

const DUE = /\bdue(?: date| by)?\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i;

/** A table of action items: the columns by their headers (item, owner, type, bug/link, status, due). */
function tableItems(table: Table): HouseActionItem[] {
  const header = table.children[0]?.children.map((cell) => inlineText(cell.children).toLowerCase()) ?? [];
  const col = (pattern: RegExp) => header.findIndex((name) => pattern.test(name));
  const title = Math.max(col(/\b(action|item|task|description|what|follow)/), 0);
  const at = (row: Table["children"][number], i: number) =>
    i >= 0 && row.children[i] ? inlineText(row.children[i]!.children).trim() : undefined;
  const pick = (row: Table["children"][number], pattern: RegExp) => {
    const i = col(pattern);
    return i === title ? undefined : at(row, i);
  };
  return table.children.slice(1).flatMap((row) => {
    const read = item(at(row, title) ?? "", lineOf(row), {
      owner: pick(row, /\b(owner|assignee|who|responsible)\b/),
      type: pick(row, /\b(type|kind|category)\b/),
      url: pick(row, /\b(bug|issue|ticket|link|jira|tracker|pr)\b/),
      status: pick(row, /\b(status|state|done)\b/),
      due: pick(row, /\b(due|deadline)\b/),
    });
    return read ? [read] : [];
  });
}

/** Every bullet of an action-item section is an action item, nested ones included; so is every table row. */
export function actionItems(section: Section | undefined): HouseActionItem[] {
  if (!section) return [];
  const items: HouseActionItem[] = [];
  const add = (read: HouseActionItem | null) => read && items.push(read);
  const walk = (list: List) => {
    for (const entry of list.children) {
      const first = entry.children[0];
      const struck =
        first?.type === "paragraph" && first.children.length === 1 && first.children[0]?.type === "delete";
      add(item(ownText(entry), lineOf(entry), { checked: entry.checked, struck }));
      for (const child of entry.children) if (child.type === "list") walk(child);
    }
  };
  if (section.value && !/:$/.test(section.value)) add(item(section.value, section.line));
  for (const node of section.nodes) {
    if (node.type === "list") walk(node);
    else if (node.type === "table") items.push(...tableItems(node));
    else if (node.type === "paragraph") add(item(inlineText(node.children), lineOf(node)));
  }
  return items;
}

function ownerOf(title: string): string | null {
  const owner =
    /\b(?:owner|assignee|assigned to|owned by)\s*[:=]\s*([^,;()\]]+?)(?:\s*[,;)\].]|\s+-\s|\s+due\b|$)/i.exec(
      title,
    );
  if (owner) return owner[1]!.trim();
  const handle = /(?:^|\s)@([A-Za-z0-9][\w.-]*[A-Za-z0-9])/.exec(title);
  return handle ? `@${handle[1]}` : null;
}

function urlOf(title: string): string | null {
  return TRACKER.exec(title)?.[0]?.replace(/[).,]+$/, "") ?? null;
}
