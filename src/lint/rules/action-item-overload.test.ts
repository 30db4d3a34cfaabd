import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.ts";
import { lintMarkdown } from "../lint.ts";

const overload = (markdown: string, json: unknown = {}) =>
  lintMarkdown(markdown, parseConfig(json, "test")).filter((f) => f.ruleId === "action-item-overload");

const doc = (items: string[]) =>
  `# Outage\n\n## Root Cause\nA leak.\n\n## Action Items\n${items.map((i) => `- [ ] ${i} - Owner: Sam - Due: 2026-04-01`).join("\n")}\n`;
const items = (n: number) => Array.from({ length: n }, (_, i) => `Fix number ${i + 1}`);

describe("action-item-overload", () => {
  it("flags more than five open items, and none marked high, at the section heading", () => {
    const findings = overload(doc(items(6)));
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [6, 1, "6 open action items: more than 5 rarely all get done"],
      [6, 1, "None of the 6 open action items is marked high priority"],
    ]);
    expect(findings[0]?.suggestion).toContain("backlog");
  });

  it("accepts five items when one is marked high priority", () => {
    const list = items(5);
    list[0] = "Fix number 1 (priority: high)";
    expect(overload(doc(list))).toEqual([]);
  });

  it("reads priorities from the front matter of an exported document", () => {
    const front =
      "---\nactionItems:\n  - priority: high\n  - priority: low\n  - priority: low\n  - priority: low\n---\n";
    expect(overload(front + doc(items(4)))).toEqual([]);
    expect(overload(doc(items(4)))).toHaveLength(1);
  });

  it("follows the configured threshold and can drop the priority check", () => {
    const config = { options: { "action-item-overload": { maxItems: 3, requireHighPriority: false } } };
    expect(overload(doc(items(4)), config).map((f) => f.message)).toEqual([
      "4 open action items: more than 3 rarely all get done",
    ]);
  });
});
