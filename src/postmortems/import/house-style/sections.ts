import type { ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import { metricOf, sectionKey, type SectionKey } from "./aliases.ts";
import { inlineText } from "./text.ts";

/**
 * A part of another team's document: under a heading (`## Timeline`), or a bold field
 * (`- **Impact**: …` in a list, `**Impact:** …` in a paragraph). `value` is the text on the label's own
 * line; `nodes` is everything that belongs to it after that.
 */
export interface Section {
  name: string;
  key: SectionKey | null;
  line: number;
  /** 2 for `##`, 3 for `###`…; 0 for a bold field. */
  level: number;
  value: string;
  nodes: RootContent[];
}

export interface Outline {
  title: { text: string; line: number } | null;
  /** What comes before the first section. */
  preamble: RootContent[];
  sections: Section[];
}

export const lineOf = (node: { position?: { start: { line: number } } }): number =>
  node.position?.start.line ?? 1;

/** `**Label**` / `**Label:**` at the start of a paragraph: the label and what follows it on that line. */
export function boldLabel(paragraph: Paragraph): { name: string; rest: PhrasingContent[] } | null {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== "strong") return null;
  const name = inlineText(first.children).trim();
  const colon = /:\s*$/.test(name);
  const next = rest[0];
  const followedByColon = next?.type === "text" && /^\s*:/.test(next.value);
  if (!colon && !followedByColon && rest.some((n) => n.type !== "break")) {
    // "**Recovery** was slow" is emphasis inside a sentence, not a field; a bare bold line is a label.
    if (!(next?.type === "text" && /^\s*$/.test(next.value) && rest.length === 1)) return null;
  }
  const trimmed =
    followedByColon && next?.type === "text"
      ? [{ ...next, value: next.value.replace(/^\s*:\s*/, "") }, ...rest.slice(1)]
      : rest;
  return { name: name.replace(/:\s*$/, "").trim(), rest: trimmed };
}

/**
 * A bullet opening with a bold label is a field of its own when it names a part of a post-mortem; under a
 * heading, "- **Split the node groups**: …" is just an item with a bold title.
 */
function fieldOf(item: ListItem, underHeading: boolean): Section | null {
  const first = item.children[0];
  if (first?.type !== "paragraph") return null;
  const label = boldLabel(first);
  if (!label) return null;
  const key = sectionKey(label.name);
  if (underHeading && key === null && metricOf(label.name) === null) return null;
  return {
    name: label.name,
    key,
    line: lineOf(item),
    level: 0,
    value: inlineText(label.rest).trim(),
    nodes: item.children.slice(1),
  };
}

/**
 * Splits a document into its title and sections. A heading Hindsight knows always starts a section; an
 * unknown heading starts one only at the level of the sections around it, so a `###` inside "Lessons
 * Learned" stays part of it. Lists of bold fields (one team's whole document is one) become sections too.
 */
export function outline(tree: Root, isTimelineHeading: (text: string) => boolean): Outline {
  const nodes = tree.children.filter((node) => node.type !== "yaml");
  const result: Outline = { title: null, preamble: [], sections: [] };
  let current: Section | null = null;
  let sectionLevel = 2;
  const push = (node: RootContent) => (current ? current.nodes.push(node) : result.preamble.push(node));

  for (const node of nodes) {
    if (node.type === "heading") {
      const text = inlineText(node.children).trim();
      if (node.depth === 1 && !result.title && result.sections.length === 0) {
        result.title = { text, line: lineOf(node) };
        continue;
      }
      const key = sectionKey(text);
      const inTimeline: boolean = current?.key === "timeline" || current?.key === "keyEvents";
      if (inTimeline && node.depth > (current?.level ?? 0) && isTimelineHeading(text)) {
        push(node);
        continue;
      }
      // A heading Hindsight knows, or one no deeper than the section it is in, starts a new section.
      if (
        key ||
        !current ||
        node.depth <= sectionLevel ||
        (current.level > 0 && node.depth <= current.level)
      ) {
        if (!current || key) sectionLevel = Math.min(Math.max(node.depth, 2), sectionLevel);
        current = { name: text, key, line: lineOf(node), level: node.depth, value: "", nodes: [] };
        result.sections.push(current);
        continue;
      }
      push(node);
      continue;
    }
    if (node.type === "table") {
      const fields = tableFields(node);
      if (fields) {
        for (const field of fields) result.sections.push(field);
        current = fields.at(-1)!;
        continue;
      }
    }
    const underHeading = current !== null && current.level > 0;
    if (node.type === "list" && node.children.some((item) => fieldOf(item, underHeading))) {
      for (const item of node.children) {
        const field = fieldOf(item, underHeading);
        if (field) {
          current = field;
          result.sections.push(field);
        } else push({ ...node, children: [item] });
      }
      continue;
    }
    if (node.type === "paragraph") {
      const fields = paragraphFields(node);
      if (fields.length > 0) {
        for (const field of fields) result.sections.push(field);
        current = fields.at(-1)!;
        continue;
      }
    }
    push(node);
  }
  return result;
}

/**
 * A two-column table of labels and values (a wiki's "page properties": `| **Severity** | Sev 2 |`) as
 * fields, when most of its labels name a part of a post-mortem; null for any other table.
 */
function tableFields(table: Table): Section[] | null {
  if (table.children.some((row) => row.children.length !== 2)) return null;
  const rows = table.children.map((row) => ({
    name: inlineText(row.children[0]!.children).trim().replace(/:$/, ""),
    value: inlineText(row.children[1]!.children).trim(),
    line: lineOf(row),
  }));
  const labelled = table.children.filter((row) => inlineText(row.children[0]!.children).trim() !== "");
  const allBold = labelled.every((row) => {
    const cell = row.children[0]!.children;
    return cell.length === 1 && cell[0]!.type === "strong";
  });
  const known = rows.filter((row) => sectionKey(row.name) !== null || metricOf(row.name) !== null);
  if (known.length === 0 || (!allBold && known.length * 2 < labelled.length)) return null;
  return rows
    .filter((row) => row.name !== "" && !/^-+$/.test(row.name))
    .map((row) => ({
      name: row.name,
      key: sectionKey(row.name),
      line: row.line,
      level: 0,
      value: row.value,
      nodes: [],
    }));
}

/** `**Date:** 2021-03-03` lines in one paragraph (several, one per line) as fields. */
function paragraphFields(paragraph: Paragraph): Section[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === "break") {
      lines.push([]);
      continue;
    }
    if (child.type === "text" && child.value.includes("\n")) {
      const parts = child.value.split("\n");
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines.at(-1)!.push({ ...child, value: part });
      });
      continue;
    }
    lines.at(-1)!.push(child);
  }
  const fields: Section[] = [];
  let line = lineOf(paragraph);
  for (const children of lines) {
    const label = children.length > 0 ? boldLabel({ type: "paragraph", children }) : null;
    if (!label) {
      if (fields.length === 0) return [];
      const last = fields.at(-1)!;
      last.value = `${last.value}\n${inlineText(children)}`.trim();
    } else {
      const at = children[0]?.position?.start.line ?? line;
      fields.push({
        name: label.name,
        key: sectionKey(label.name),
        line: at,
        level: 0,
        value: inlineText(label.rest).trim(),
        nodes: [],
      });
    }
    line++;
  }
  return fields;
}
