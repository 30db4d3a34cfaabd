import { readLintFrontMatter, type LintFrontMatter } from "./front-matter.ts";
import { scanMarkdown, type Block } from "./markdown.ts";
import { inlineProse } from "./prose.ts";
import { sectionKind, type SectionKind } from "./sections.ts";

/** A `##` section (or `#` when the document uses that level for its sections). */
export interface Section {
  title: string;
  kind: SectionKind | null;
  /** 1-based line of the heading. */
  line: number;
  /** The blocks under the heading, up to the next heading of the same or a higher level. */
  blocks: Block[];
}

/** A scanned document: its blocks, sections and front matter, and a way back to lines and columns. */
export interface LintDocument {
  source: string;
  blocks: Block[];
  sections: Section[];
  /** True when the document uses the post-mortem template (at least two recognised section headings). */
  hasTemplate: boolean;
  frontMatter: LintFrontMatter | null;
  comments: { offset: number; text: string }[];
  position(offset: number): { line: number; column: number };
  sectionAt(line: number): Section | null;
  /** A block's text as a reader sees it (no Markdown syntax). */
  textOf(block: Block): string;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function splitSections(blocks: Block[], textOf: (b: Block) => string): Section[] {
  const headings = blocks.filter((b) => b.kind === "heading");
  const level2 = headings.filter((h) => h.depth === 2).length;
  const level1 = headings.filter((h) => h.depth === 1);
  // Documents that use `#` for every section (one of the template's "common variations").
  const depth = level2 === 0 && level1.length > 2 ? 1 : 2;
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const block of blocks) {
    if (block.kind === "heading" && block.depth <= depth) {
      const isTitle = depth === 1 && block === level1[0];
      const title = textOf(block).trim();
      current =
        block.depth === depth && !isTitle
          ? { title, kind: sectionKind(title), line: block.line, blocks: [] }
          : null;
      if (current) sections.push(current);
    } else if (current) {
      current.blocks.push(block);
    }
  }
  return sections;
}

/** Scans Markdown (with optional YAML front matter) into the model the rules read. */
export function parseDocument(source: string): LintDocument {
  const scanned = scanMarkdown(source);
  const starts = lineStarts(source);
  const textOf = (block: Block) => inlineProse(source, block.ranges).text;
  const sections = splitSections(scanned.blocks, textOf);
  const kinds = new Set(sections.map((s) => s.kind).filter((k) => k !== null));
  const sectionLines = sections.map((s) => s.line);
  return {
    source,
    blocks: scanned.blocks,
    sections,
    hasTemplate: kinds.size >= 2,
    frontMatter: scanned.frontMatter
      ? readLintFrontMatter(scanned.frontMatter.text, scanned.frontMatter.line)
      : null,
    comments: scanned.comments,
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo]! + 1 };
    },
    sectionAt(line) {
      let lo = 0;
      let hi = sectionLines.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sectionLines[mid]! <= line) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found === -1 ? null : sections[found]!;
    },
    textOf,
  };
}
