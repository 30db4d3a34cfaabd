/*
 * A small, fast Markdown block scanner for the linter. The linter reads prose, headings, list items and
 * table cells; it needs their lines, not a full CommonMark tree. mdast (micromark) parses the corpus at
 * about 0.3 MB/s here, far below the linter's speed target, so the linter scans lines itself and keeps
 * mdast for import and export, where fidelity matters.
 */

export interface Block {
  kind: "heading" | "paragraph" | "item" | "cell";
  /** Heading level (1–6), list nesting (0 for a top-level item), or 0. */
  depth: number;
  /** 1-based line of the block's first line. */
  line: number;
  /** The block's text as source ranges, one per line: [start offset, end offset). */
  ranges: [number, number][];
  /** A list item's checkbox: true ticked, false open, null none. */
  checked: boolean | null;
  /** The innermost list item containing this block (for nested items), as an index into blocks. */
  parent: number | null;
}

export interface ScannedMarkdown {
  /** The YAML front matter text and the line it starts on (after `---`). */
  frontMatter: { text: string; line: number } | null;
  blocks: Block[];
  /** Every HTML comment outside code: its source offset and text. */
  comments: { offset: number; text: string }[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)(\[[ xX]\][ \t]+)?/;
const THEMATIC = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function cellRanges(line: string, start: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  let inCode = false;
  const content = line.trimEnd();
  const first = content.search(/\S/);
  if (content[first] === "|") from = first + 1;
  for (let i = from; i <= content.length; i++) {
    const ch = content[i];
    if (ch === "`") inCode = !inCode;
    if (i === content.length || (ch === "|" && !inCode && content[i - 1] !== "\\")) {
      if (i > from || i < content.length) ranges.push([start + from, start + i]);
      from = i + 1;
    }
  }
  return ranges.filter(([a, b]) => b > a || ranges.length === 1);
}

/** Scans Markdown into headings, paragraphs, list items and table cells, with their source ranges. */
export function scanMarkdown(source: string): ScannedMarkdown {
  // A CR before the LF is line ending, not content; offsets stay those of the source.
  const raw = source.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of raw) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lines = raw.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  const blocks: Block[] = [];
  const comments: ScannedMarkdown["comments"] = [];
  let frontMatter: ScannedMarkdown["frontMatter"] = null;
  let i = 0;
  if (lines[0]?.trimEnd() === "---") {
    const end = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      frontMatter = { text: lines.slice(1, end).join("\n") + "\n", line: 2 };
      i = end + 1;
    }
  }
  let open: Block | null = null; // the paragraph or item that a following text line continues
  const items: { indent: number; index: number }[] = [];
  const push = (block: Block) => {
    blocks.push(block);
    return block;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const start = starts[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[2]!;
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trimStart().startsWith(marker)) j++;
      i = j;
      open = null;
      continue;
    }
    let commentEnd = -1;
    for (let at = line.indexOf("<!--"); at !== -1; at = line.indexOf("<!--", at + 4)) {
      const close = source.indexOf("-->", start + at + 4);
      const stop = close === -1 ? source.length : close + 3;
      comments.push({ offset: start + at, text: source.slice(start + at, stop) });
      commentEnd = stop;
      if (stop > start + line.length) break;
    }
    if (commentEnd !== -1 && /^\s*<!--/.test(line)) {
      // A block of HTML comments: skip to the line where the last one closes.
      while (i + 1 < lines.length && starts[i + 1]! < commentEnd) i++;
      open = null;
      continue;
    }
    if (line.trim() === "") {
      open = null;
      continue;
    }
    const indent = line.search(/\S/);
    const item = ITEM.exec(line);
    if (item || (!open && indent === 0)) {
      while (items.length > 0 && indent < items[items.length - 1]!.indent) items.pop();
    }
    const atx = ATX.exec(line);
    if (atx) {
      const content = line.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$|[ \t]+$/, "");
      const from = start + atx[0].length;
      push({
        kind: "heading",
        depth: atx[1]!.length,
        line: i + 1,
        ranges: [[from, from + content.length]],
        checked: null,
        parent: null,
      });
      items.length = 0;
      open = null;
      continue;
    }
    if (open && open.kind === "paragraph" && /^ {0,3}(=+|-+)\s*$/.test(line)) {
      open.kind = "heading";
      open.depth = line.trim().startsWith("=") ? 1 : 2;
      items.length = 0;
      open = null;
      continue;
    }
    if (THEMATIC.test(line)) {
      open = null;
      continue;
    }
    if (line.includes("|") && TABLE_DELIMITER.test(lines[i + 1] ?? "") && !open) {
      let j = i;
      for (; j < lines.length && lines[j]!.includes("|") && lines[j]!.trim() !== ""; j++) {
        if (j <= i + 1) continue; // the header row and the delimiter row
        for (const range of cellRanges(lines[j]!, starts[j]!)) {
          push({ kind: "cell", depth: 0, line: j + 1, ranges: [range], checked: null, parent: null });
        }
      }
      i = j - 1;
      open = null;
      continue;
    }
    if (item) {
      const box = item[3];
      const from = start + item[0].length;
      const parent = items.length > 0 ? items[items.length - 1]!.index : null;
      const depth = items.length;
      open = push({
        kind: "item",
        depth,
        line: i + 1,
        ranges: [[from, start + line.length]],
        checked: box ? box[1] !== " " : null,
        parent,
      });
      items.push({ indent: item[1]!.length + 1, index: blocks.length - 1 });
      continue;
    }
    const quote = /^\s*(>\s?)+/.exec(line);
    const from = start + (quote ? quote[0].length : indent);
    if (open) {
      open.ranges.push([from, start + line.length]);
      continue;
    }
    const parent = items.length > 0 && indent > 0 ? items[items.length - 1]!.index : null;
    open = push({
      kind: "paragraph",
      depth: 0,
      line: i + 1,
      ranges: [[from, start + line.length]],
      checked: null,
      parent,
    });
  }
  return { frontMatter, blocks, comments };
}
