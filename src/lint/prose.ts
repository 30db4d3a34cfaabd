import type { LintDocument, Section } from "./document.ts";
import type { Block } from "./markdown.ts";
import { sectionKind } from "./sections.ts";

/** Stand-in for inline code, so the language rules read "ran snippet on the busiest table". */
export const CODE_WORD = "snippet";
const LINK_WORD = "link";

/** One sentence of prose, with a map from its characters back to the source. */
export interface Sentence {
  /** The sentence as a reader sees it; inline code and URLs replaced by a stand-in word. */
  text: string;
  /** Offset in the document source of the character at `index` in `text`. */
  sourceOffset(index: number): number;
  section: Section | null;
  /** In an action-items section (or under an "Action items" label), or a checklist item. */
  actionItem: boolean;
  /** The first sentence of its paragraph, bullet or table cell. */
  first: boolean;
  hasCode: boolean;
  /** Table cells are facts (timelines, stats), never instructions. */
  inTable: boolean;
}

interface Segment {
  at: number;
  src: number;
  exact: boolean;
}

/** Plain text of Markdown inline content, with a map back to source offsets. */
export interface Prose {
  text: string;
  hasCode: boolean;
  offset(index: number): number;
}

const INLINE =
  /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|!\[[^\]]*\]\([^)]*\)|\[\^[^\]]+\]|\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])|<(?:https?:|mailto:)[^>]*>|<!--[\s\S]*?-->|<\/?[a-zA-Z][^>]*>|(?:https?:\/\/|www\.)[^\s)>\]]*[^\s)>\].,;:!?'"]|~~[^~]+~~|\\([!-/:-@[-`{-~])|&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);|\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function entity(name: string): string {
  if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? "";
}

/** Reads the inline Markdown in the given source ranges (one per line) as plain text. */
export function inlineProse(source: string, ranges: [number, number][]): Prose {
  let text = "";
  let hasCode = false;
  const segments: Segment[] = [];
  const add = (value: string, src: number, exact: boolean) => {
    if (value === "") return;
    segments.push({ at: text.length, src, exact });
    text += value;
  };
  ranges.forEach(([from, to], n) => {
    if (n > 0) add(" ", from, false);
    const raw = source.slice(from, to);
    let last = 0;
    for (const match of raw.matchAll(INLINE)) {
      add(raw.slice(last, match.index), from + last, true);
      last = match.index + match[0].length;
      const at = from + match.index;
      if (match[1]) {
        hasCode = true;
        add(CODE_WORD, at, false);
      } else if (match[3] !== undefined) {
        const label = match[3];
        if (/^(https?:|www\.|mailto:)/i.test(label.trim()) || label.trim() === "") add(LINK_WORD, at, false);
        else add(label.replace(/[*_`]/g, ""), at + 1, !/[*_`]/.test(label));
      } else if (/^<(https?:|mailto:)|^(https?:\/\/|www\.)/i.test(match[0])) {
        add(LINK_WORD, at, false);
      } else if (match[4]) {
        add(match[4], at + 1, true);
      } else if (match[5]) {
        add(entity(match[5]), at, false);
      }
      // Images, footnote references, HTML, struck-through text and emphasis markers are not prose.
    }
    add(raw.slice(last), from + last, true);
  });
  return {
    text,
    hasCode,
    offset(index) {
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.at <= index) lo = mid;
        else hi = mid - 1;
      }
      const segment = segments[lo];
      if (!segment) return ranges[0]?.[0] ?? 0;
      return segment.exact ? segment.src + (index - segment.at) : segment.src;
    },
  };
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|approx|incl|cf|mr|mrs|ms|dr|no|[A-Z])$/i;
const SENTENCE_END = /[.!?]+["')\]]*(?=\s|$)/g;

function splitSentences(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index)))
      continue;
    spans.push([start, end]);
    start = end;
  }
  spans.push([start, text.length]);
  return spans;
}

function labelOf(doc: LintDocument, block: Block): string | null {
  const [from, to] = block.ranges[0] ?? [0, 0];
  const match = /^\s*(\*\*|__)(.+?)\1/.exec(doc.source.slice(from, to));
  return match ? match[2]! : null;
}

/** Every sentence of prose in the document, in order; headings, code, front matter, HTML and URLs left out. */
export function sentencesOf(doc: LintDocument): Sentence[] {
  const sentences: Sentence[] = [];
  const actionLabel = new Map<number, boolean>();
  doc.blocks.forEach((block, index) => {
    if (block.kind === "heading") return;
    const label = block.kind === "item" ? labelOf(doc, block) : null;
    const underLabel = block.parent !== null && actionLabel.get(block.parent) === true;
    actionLabel.set(index, underLabel || (label !== null && sectionKind(label) === "actionItems"));
    const prose = inlineProse(doc.source, block.ranges);
    const section = doc.sectionAt(block.line);
    const actionItem =
      underLabel || section?.kind === "actionItems" || (block.kind === "item" && block.checked !== null);
    let first = true;
    for (const [from, to] of splitSentences(prose.text)) {
      const raw = prose.text.slice(from, to);
      const text = raw.trim();
      if (!/\p{L}/u.test(text)) continue;
      const base = from + raw.length - raw.trimStart().length;
      sentences.push({
        text,
        sourceOffset: (i) => prose.offset(base + i),
        section,
        actionItem,
        first,
        hasCode: prose.hasCode && text.includes(CODE_WORD),
        inTable: block.kind === "cell",
      });
      first = false;
    }
  });
  return sentences;
}
