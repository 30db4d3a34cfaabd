// Where a lint finding points in the editor. The linter reads the Markdown export, where each `##`
// section sits directly on its content, so a finding's `offset` (its line within the section) leads
// back to a line of a text field or to an item of a list.
import type { PostmortemFinding } from "../../api/types.ts";
import { SECTION_LABELS, type Draft, type SectionKey } from "./draft.ts";

/** The export's headings (src/postmortems/export/render-markdown.ts) and the editor section they show. */
const HEADING_SECTIONS: Record<string, SectionKey> = {
  "Root Cause": "rootCause",
  "Contributing Factors": "contributingFactors",
  Detection: "detection",
  Resolution: "resolution",
  "Lessons Learned": "wentWell",
  Appendix: "appendix",
};

/** How the findings list names a heading of the export: the editor's label, when it has the section. */
export function sectionTitle(heading: string | null): string {
  if (heading === null) return "Whole document";
  if (heading === "Lessons Learned") return "Lessons learned";
  const key = HEADING_SECTIONS[heading];
  return key ? SECTION_LABELS[key] : heading;
}

export interface Target {
  section: SectionKey;
  /** 0-based line of a text field. */
  line?: number;
  /** 0-based item of a list or appendix. */
  item?: number;
}

/** The field (and line or item) a finding is about, or undefined when this page has no field for it. */
export function targetOf(finding: PostmortemFinding, linted: Draft): Target | undefined {
  if (finding.section === null) return undefined;
  const section = HEADING_SECTIONS[finding.section];
  if (!section) return undefined;
  const line = finding.offset - 1;
  if (finding.offset <= 0) return { section };
  switch (section) {
    case "rootCause":
    case "detection":
    case "resolution":
      return { section, line };
    case "contributingFactors":
    case "appendix":
      return { section, item: line };
    default: {
      // "### What went well", its items, a blank line, "### What could be improved", its items.
      const wentWell = linted.wentWell.filter((item) => item.trim()).length;
      if (finding.offset >= 2 && finding.offset < 2 + wentWell) {
        return { section: "wentWell", item: finding.offset - 2 };
      }
      if (finding.offset >= 4 + wentWell)
        return { section: "toImprove", item: finding.offset - 4 - wentWell };
      return { section: finding.offset === 1 ? "wentWell" : "toImprove" };
    }
  }
}

/** The DOM id of a section's field, or of one item's field in a list. */
export function fieldId(section: SectionKey, item?: number): string {
  return item === undefined ? `pm-${section}` : `pm-${section}-${item}`;
}

/** Focuses the field a finding points at and selects its line (or the item's text). */
export function focusTarget(target: Target): boolean {
  const element =
    (target.item !== undefined && document.getElementById(fieldId(target.section, target.item))) ||
    document.getElementById(fieldId(target.section));
  if (!(element instanceof HTMLElement)) return false;
  element.focus();
  if (element instanceof HTMLTextAreaElement && target.line !== undefined) {
    const [start, end] = lineRange(element.value, target.line);
    element.setSelectionRange(start, end);
  } else if (element instanceof HTMLInputElement) {
    element.select();
  }
  return true;
}

/** Start and end of a 0-based line in a text, clamped to its last line. */
export function lineRange(text: string, line: number): [number, number] {
  const lines = text.split("\n");
  const index = Math.max(0, Math.min(line, lines.length - 1));
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  return [start, start + lines[index]!.length];
}
