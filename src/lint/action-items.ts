import type { LintDocument, Section } from "./document.ts";
import type { Block } from "./markdown.ts";

/** One action item of a template document, as the action-item rules read it. */
export interface ActionItem {
  block: Block;
  index: number;
  text: string;
  /** The raw Markdown of the item's first line, for markers the plain text drops (`~~struck~~`). */
  raw: string;
  done: boolean;
}

const DONE = /^\s*~~|\((done|completed|fixed|closed)\)|^\s*(done|completed)\b|✅|✔/i;

export function sectionOf(doc: LintDocument, kind: Section["kind"]): Section | undefined {
  return doc.sections.find((s) => s.kind === kind);
}

/** True when a section has no content a reader would count ("…", "TBD" and "N/A" are placeholders). */
export function isEmpty(doc: LintDocument, section: Section): boolean {
  return section.blocks.every(
    (block) =>
      block.kind === "heading" ||
      /^(\.{3}|…|tbd|tbc|todo|n\/a|none yet|-|–|—)?$/i.test(doc.textOf(block).trim()),
  );
}

/** The top-level bullets of the action-items section, in order. */
export function actionItemsOf(doc: LintDocument): { section: Section; items: ActionItem[] } | null {
  const section = sectionOf(doc, "actionItems");
  if (!section) return null;
  const top = section.blocks.filter((b) => b.kind === "item" && b.depth === 0 && doc.textOf(b).trim() !== "");
  const items = top.map((block, index) => {
    const [from, to] = block.ranges[0]!;
    const raw = doc.source.slice(from, to);
    const text = doc.textOf(block).trim();
    return { block, index, text, raw, done: block.checked === true || DONE.test(raw) };
  });
  return { section, items };
}
