import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { List, Nodes, Paragraph, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildCtx } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import { createIncident } from "../../incidents/create-incident.ts";
import { fixedClock } from "../../shared/clock.ts";
import type { Ctx } from "../../shared/context.ts";
import { addTimelineEntry } from "../../timeline/add-timeline-entry.ts";
import { buildFullPostmortem, FULL_CLOCK } from "./__fixtures__/full-postmortem.ts";
import { loadPostmortemRecord, type PostmortemRecord } from "./postmortem-record.ts";
import { frontMatter, Headings, lf, parseActionItemLine, renderMarkdown } from "./render-markdown.ts";

const FIXTURE = join(import.meta.dirname, "__fixtures__", "full.md");

let testDb: TestDb;
let ctx: Ctx;
let full: PostmortemRecord;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock(FULL_CLOCK) });
  full = await loadPostmortemRecord(testDb.db, ctx.clock, await buildFullPostmortem(ctx));
});
afterAll(() => testDb.destroy());

const textOf = (node: Nodes): string =>
  "value" in node ? node.value : "children" in node ? node.children.map(textOf).join("") : "";

/** What an importer sees: the document read back with mdast, section by section. */
function readBack(markdown: string) {
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(["yaml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
  });
  const [yaml, title, header, ...rest] = tree.children as [
    RootContent,
    RootContent,
    Paragraph,
    ...RootContent[],
  ];
  const sections = new Map<string, RootContent[]>();
  let current: RootContent[] = [];
  for (const node of rest) {
    if (node.type === "heading") sections.set(textOf(node), (current = []));
    else current.push(node);
  }
  const items = (name: string) =>
    (sections.get(name) as List[])
      .flatMap((list) => list.children)
      .map((item) => ({
        text: textOf(item),
        checked: item.checked,
        struck: (item.children[0] as Paragraph).children[0]!.type === "delete",
        link: (item.children[0] as Paragraph).children[0],
      }));
  const paragraphs = (name: string) => sections.get(name)!.map(textOf).join("\n\n");
  const fields: Record<string, string> = {};
  let label = "";
  for (const child of header.children) {
    if (child.type === "strong") label = textOf(child).replace(/:$/, "");
    else fields[label] = (fields[label] ?? "") + textOf(child);
  }
  for (const key of Object.keys(fields)) fields[key] = fields[key]!.replace(/^ /, "").replace(/\n$/, "");
  return {
    frontMatter: parse((yaml as { value: string }).value) as unknown,
    titleDepth: (title as { depth: number }).depth,
    title: textOf(title),
    fields,
    headings: [...sections.keys()],
    timeline: items(Headings.timeline).map((i) => i.text),
    rootCause: paragraphs(Headings.rootCause),
    contributingFactors: items(Headings.contributingFactors).map((i) => i.text),
    detection: paragraphs(Headings.detection),
    resolution: paragraphs(Headings.resolution),
    actionItems: items(Headings.actionItems).map((i) => ({
      ...parseActionItemLine(i.text),
      checked: i.checked,
      struck: i.struck,
    })),
    wentWell: items(Headings.wentWell).map((i) => i.text),
    toImprove: items(Headings.toImprove).map((i) => i.text),
    appendix: items(Headings.appendix).map((i) =>
      i.link?.type === "link" ? { title: i.text, url: i.link.url } : null,
    ),
  };
}

describe("renderMarkdown", () => {
  it("writes a fully filled post-mortem exactly as the golden file", () => {
    const markdown = renderMarkdown(full);
    if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE, markdown);
    expect(markdown).toBe(readFileSync(FIXTURE, "utf8"));
  });

  it("gives the same bytes for the same record every time", async () => {
    const again = await loadPostmortemRecord(testDb.db, ctx.clock, full.incident.key);
    expect(renderMarkdown(again)).toBe(renderMarkdown(full));
  });

  it("reads back to the record's text, with the front matter carrying what has no line", () => {
    const back = readBack(renderMarkdown(full));
    expect(back.frontMatter).toEqual(frontMatter(full));
    expect(back.fields).toEqual({
      Date: "2026-03-18",
      Duration: "14:02 - 15:10 UTC (68 minutes)",
      Impact: full.incident.impact,
      Severity: "P1",
    });
    expect(back.timeline[2]).toBe("14:23:45 - Connection pool on payments-db is at its limit of 50");
    expect(back.rootCause).toBe(full.postmortem.rootCause);
    expect(back.actionItems.map((i) => [i.checked, i.struck])).toEqual([
      [false, false],
      [true, false],
      [false, false],
      [true, true],
      [false, false],
    ]);
    expect(back.actionItems[2]).toMatchObject({
      title: "Document the rollback runbook",
      owner: "Lee",
      dueDate: null,
    });
    expect(back.appendix).toEqual(full.postmortem.appendix);
  });

  it("keeps every heading and writes nothing under an empty section", async () => {
    const incident = await createIncident(ctx, {
      title: "Disk filled up",
      severity: "P3",
      startedAt: "2026-03-20T09:00:00Z",
    });
    const record = await loadPostmortemRecord(testDb.db, ctx.clock, incident.key);
    const markdown = renderMarkdown(record);
    expect(markdown.slice(markdown.indexOf("# Disk"))).toBe(
      [
        "# Disk filled up",
        "",
        "**Date:** 2026-03-20",
        "**Duration:** 09:00 - ongoing UTC",
        "**Impact:**",
        "**Severity:** P3",
        "",
        [
          "## Timeline (UTC)",
          "## Root Cause",
          "## Contributing Factors",
          "## Detection",
          "## Resolution",
          "## Action Items",
          "## Lessons Learned\n### What went well",
          "### What could be improved",
          "## Appendix",
        ].join("\n\n"),
        "",
      ].join("\n"),
    );
    const back = readBack(markdown);
    expect(back.fields.Impact).toBe("");
    expect(back.frontMatter).toMatchObject({ meeting: null, timeline: [], actionItems: [], fiveWhys: [] });
  });

  it("puts the date on timeline entries and the end time that fall on another UTC day", async () => {
    const incident = await createIncident(ctx, {
      title: "Night batch stalled",
      severity: "P2",
      status: "resolved",
      startedAt: "2026-03-18T23:40:00Z",
      resolvedAt: "2026-03-19T00:50:30Z",
    });
    for (const occurredAt of ["2026-03-18T23:40:00Z", "2026-03-19T00:14:00Z", "2026-03-19T00:50:30Z"]) {
      await addTimelineEntry(ctx, incident.key, { occurredAt, text: "Checked the queue" });
    }
    const back = readBack(renderMarkdown(await loadPostmortemRecord(testDb.db, ctx.clock, incident.key)));
    expect(back.fields.Duration).toBe("23:40 - 2026-03-19 00:50:30 UTC (71 minutes)");
    expect(back.timeline).toEqual([
      "23:40 - Checked the queue",
      "2026-03-19 00:14 - Checked the queue",
      "2026-03-19 00:50:30 - Checked the queue",
    ]);
  });
});

// Text that means something to Markdown, GFM, HTML or YAML, plus Unicode beyond the BMP.
const NASTY = [
  "# not a heading",
  "1. not a list",
  "- not a bullet",
  "* star",
  "+ plus",
  "> quote",
  "```js",
  "~~~",
  "---",
  "===",
  "    indented code",
  "<script>alert(1)</script>",
  "<!-- c -->",
  "&amp; &copy; &#65;",
  "*em* _em_ **strong** __s__",
  "`code`",
  "[link](http://x)",
  "![img](x.png)",
  "[ ] [x]",
  "| a | b |",
  "~~strike~~",
  "https://example.com www.example.com",
  "a\\b\\",
  "x - Owner: y",
  " - Due: 2026-01-01",
  "é ü ß ñ",
  "日本語",
  "😀 👩‍👩‍👧",
  "\u00a0nbsp\u00a0",
  "zero\u200bwidth",
  "a\nb",
  "a\n\nb",
  "a\n\n\n\nb",
  "tab\tbetween",
  "trailing  \nbreak",
  "'quote' \"double\"",
  "key: value",
  "{ a: 1 }",
  "%YAML",
];

const fragment = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(..."\\`*_{}[]()<>#+-.!|~&:;=^$@%'\" \n\t\r"),
);
const anyText = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join("").replaceAll("\0", ""));
const trimmedText = anyText.map((s) => s.trim()).filter((s) => s.length > 0);

describe("renderMarkdown escaping", () => {
  it("keeps text made of spaces and line breaks in the front matter exactly", () => {
    // Found by the property below: the yaml library's block scalar lost a line of only spaces.
    for (const summary of [" \n", "  \n\n", "a\n \nb", "\n  x"]) {
      const record: PostmortemRecord = { ...full, postmortem: { ...full.postmortem, summary } };
      const back = readBack(renderMarkdown(record)).frontMatter as { postmortem: { summary: string } };
      expect(back.postmortem.summary).toBe(summary);
    }
  });

  it("reads every text field back unchanged, whatever characters it holds", () => {
    fc.assert(
      fc.property(
        fc.record({
          title: trimmedText,
          impact: anyText,
          timeline: trimmedText,
          section: anyText,
          item: trimmedText,
          owner: trimmedText,
          linkTitle: trimmedText,
          why: trimmedText,
        }),
        (raw) => {
          // Line endings are the one thing written differently: CRLF and CR become LF.
          const t = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, lf(v)])) as typeof raw;
          const record: PostmortemRecord = {
            ...full,
            incident: { ...full.incident, title: raw.title, impact: raw.impact },
            timeline: full.timeline.map((e) => ({ ...e, text: raw.timeline, author: raw.owner })),
            postmortem: {
              ...full.postmortem,
              summary: raw.section,
              rootCause: raw.section,
              detection: raw.section,
              resolution: raw.section,
              contributingFactors: [raw.item, raw.why],
              lessons: { wentWell: [raw.item], toImprove: [raw.why] },
              appendix: [{ title: raw.linkTitle, url: "https://example.com/a?b=(c)&d=<e>" }],
            },
            actionItems: full.actionItems.map((item) => ({
              ...item,
              title: raw.item,
              owner: item.owner && raw.owner,
            })),
            fiveWhys: [{ ...full.fiveWhys[0]!, text: raw.why }],
          };
          const back = readBack(renderMarkdown(record));
          expect(back.titleDepth).toBe(1);
          expect(back.title).toBe(t.title);
          expect(back.fields.Impact).toBe(t.impact);
          expect(back.headings).toEqual(Object.values(Headings));
          expect(back.timeline.map((line) => line.replace(/^\d\d:\d\d(:\d\d)? - /, ""))).toEqual(
            record.timeline.map(() => t.timeline),
          );
          for (const section of [back.rootCause, back.detection, back.resolution])
            expect(section).toBe(t.section);
          expect(back.contributingFactors).toEqual([t.item, t.why]);
          expect([back.wentWell, back.toImprove]).toEqual([[t.item], [t.why]]);
          expect(back.appendix).toEqual([{ title: t.linkTitle, url: record.postmortem.appendix[0]!.url }]);
          expect(back.frontMatter).toEqual(frontMatter(record));
          // The line alone, or the line with the fields the front matter spells out, gives the item back.
          const spelled = (
            back.frontMatter as {
              actionItems: { title?: string; owner?: string | null; due?: string | null }[];
            }
          ).actionItems;
          back.actionItems.forEach((read, i) => {
            const item = record.actionItems[i]!;
            const s = spelled[i]!;
            const got =
              "title" in s ? { title: lf(s.title!), owner: s.owner && lf(s.owner), dueDate: s.due } : read;
            expect({ title: got.title, owner: got.owner, dueDate: got.dueDate }).toEqual({
              title: t.item,
              owner: item.owner && t.owner,
              dueDate: item.dueDate,
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
