import { describe, expect, it } from "vitest";
import { parseDocument } from "./document.ts";
import { scanMarkdown } from "./markdown.ts";
import { sentencesOf } from "./prose.ts";

const text = (source: string, ranges: [number, number][]) =>
  ranges.map(([a, b]) => source.slice(a, b)).join("|");

describe("scanMarkdown", () => {
  it("reads headings, items with checkboxes and nesting, and paragraphs with their lines", () => {
    const source =
      "# Title\n\nIntro line one\nline two\n\n## Action Items\n- [ ] Do a\n  - note\n- [x] Done b\n";
    const { blocks } = scanMarkdown(source);
    expect(blocks.map((b) => [b.kind, b.line, b.depth, b.checked, text(source, b.ranges)])).toEqual([
      ["heading", 1, 1, null, "Title"],
      ["paragraph", 3, 0, null, "Intro line one|line two"],
      ["heading", 6, 2, null, "Action Items"],
      ["item", 7, 0, false, "Do a"],
      ["item", 8, 1, null, "note"],
      ["item", 9, 0, true, "Done b"],
    ]);
    expect(blocks[4]!.parent).toBe(3);
  });

  it("reads table body cells (not the header), skips fenced code and records comments", () => {
    const source =
      "| Time | Event |\n| --- | --- |\n| 12:00 | `a|b` deployed |\n\n```\n# not a heading\n```\n<!-- note -->\nText\n";
    const scanned = scanMarkdown(source);
    expect(scanned.blocks.map((b) => [b.kind, b.line, text(source, b.ranges).trim()])).toEqual([
      ["cell", 3, "12:00"],
      ["cell", 3, "`a|b` deployed"],
      ["paragraph", 9, "Text"],
    ]);
    expect(scanned.comments).toEqual([{ offset: source.indexOf("<!--"), text: "<!-- note -->" }]);
  });

  it("separates YAML front matter and reads setext headings", () => {
    const source = "---\na: 1\n---\nTitle\n=====\n\nBody\n";
    const scanned = scanMarkdown(source);
    expect(scanned.frontMatter).toEqual({ text: "a: 1\n", line: 2 });
    expect(scanned.blocks.map((b) => [b.kind, b.depth])).toEqual([
      ["heading", 1],
      ["paragraph", 0],
    ]);
  });
});

describe("sentencesOf", () => {
  it("splits prose into sentences, hides code and URLs, and maps back to the source", () => {
    const source = "- See **e.g.** `kubectl get` at https://x.example/a. Then *Sam* paged Lee.\n";
    const doc = parseDocument(source);
    const sentences = sentencesOf(doc);
    expect(sentences.map((s) => s.text)).toEqual(["See e.g. snippet at link.", "Then Sam paged Lee."]);
    const second = sentences[1]!;
    expect(doc.position(second.sourceOffset(second.text.indexOf("Sam")))).toEqual({ line: 1, column: 60 });
  });
});
