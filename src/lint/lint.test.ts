import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";
import { lintMarkdown } from "./lint.ts";

const BLAMING = "Pedro pushed a broken config to the edge proxies.";

describe("lintMarkdown", () => {
  it("returns findings in line and column order, each with its section", () => {
    const text = `# Outage\n\n## Root Cause\n${BLAMING}\n\n## Action Items\n- Improve monitoring\n`;
    const findings = lintMarkdown(text);
    const positions = findings.map((f) => [f.line, f.column]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(findings.find((f) => f.ruleId === "blame-language")).toMatchObject({
      line: 4,
      section: "Root Cause",
    });
    expect(findings.find((f) => f.ruleId === "vague-action-item")).toMatchObject({
      line: 7,
      section: "Action Items",
    });
  });

  it("honours hindsight-disable-next-line for the named rules only", () => {
    const text = `<!-- hindsight-disable-next-line blame-language -->\n${BLAMING}\n\nImprove monitoring.\n`;
    const ids = lintMarkdown(text).map((f) => f.ruleId);
    expect(ids).toEqual(["vague-action-item"]);
    const other = `<!-- hindsight-disable-next-line timeline -->\n${BLAMING}\n`;
    expect(lintMarkdown(other).map((f) => f.ruleId)).toEqual(["blame-language"]);
  });

  it("silences nothing when the only id in a disable comment is misspelt", () => {
    const text = `<!-- hindsight-disable-next-line blame-langauge -->\n${BLAMING}\n`;
    expect(lintMarkdown(text).map((f) => f.ruleId)).toContain("blame-language");
  });

  it("honours hindsight-disable-next-line without ids for every rule", () => {
    expect(lintMarkdown(`<!-- hindsight-disable-next-line -->\n\n${BLAMING}\n`)).toEqual([]);
  });

  it("honours hindsight-disable … hindsight-enable ranges", () => {
    const text = [
      "<!-- hindsight-disable blame-language -->",
      BLAMING,
      "",
      BLAMING,
      "<!-- hindsight-enable blame-language -->",
      "",
      BLAMING,
    ].join("\n");
    expect(lintMarkdown(text).map((f) => f.line)).toEqual([7]);
  });

  it("ignores directives inside code blocks", () => {
    const text = "```\n<!-- hindsight-disable-next-line -->\n```\n" + BLAMING + "\n";
    expect(lintMarkdown(text).map((f) => f.ruleId)).toEqual(["blame-language"]);
  });

  it("switches rules off and changes severities from the config", () => {
    const text = `${BLAMING}\n`;
    expect(lintMarkdown(text, parseConfig({ rules: { "blame-language": "off" } }, "c"))).toEqual([]);
    expect(lintMarkdown(text, parseConfig({ rules: { "blame-language": "info" } }, "c"))[0]?.severity).toBe(
      "info",
    );
  });

  it("points into the source through Markdown syntax", () => {
    const text = "- **Context**: in the end, *Pedro* pushed a [broken config](https://x.example) to prod.\n";
    expect(lintMarkdown(text)).toMatchObject([{ ruleId: "blame-language", line: 1, column: 29 }]);
  });

  it("finds the same things at the same places in a document with CRLF line endings", () => {
    const text = `# Outage\n\n## Root Cause\n${BLAMING}\n\n## Action Items\n- Improve monitoring\n- \n`;
    const where = (md: string) => lintMarkdown(md).map((f) => [f.ruleId, f.line, f.column, f.section]);
    expect(where(text.replace(/\n/g, "\r\n"))).toEqual(where(text));
  });

  it("lints an empty document to nothing", () => {
    expect(lintMarkdown("")).toEqual([]);
  });
});
