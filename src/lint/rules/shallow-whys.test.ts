import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const whys = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "shallow-whys");

const front = (yaml: string) => `---\n${yaml}\n---\n\n# Outage\n`;

describe("shallow-whys", () => {
  it("flags a why-chain whose last answer leads to no action item, at that answer", () => {
    const text = front(
      [
        "fiveWhys:",
        "  - text: Checkout failed",
        "    actionItem: null",
        "    children:",
        "      - text: The pool was exhausted",
        "        actionItem: null",
        "        children:",
        "          - text: Nothing paged on saturation",
        "            actionItem: 2",
        "            children: []",
        "          - text: A code path leaked connections",
        "            actionItem: null",
        "            children: []",
      ].join("\n"),
    );
    expect(whys(text)).toEqual([
      {
        ruleId: "shallow-whys",
        severity: "warning",
        message: "The why-chain stops after 3 answers without reaching an action item",
        line: 12,
        column: 1,
        section: null,
        suggestion: expect.stringContaining("Keep asking why"),
      },
    ]);
  });

  it("is silent without front matter or without five whys", () => {
    expect(whys("# Outage\n\n## Root Cause\nA leak.\n")).toEqual([]);
    expect(whys(front("fiveWhys: []"))).toEqual([]);
  });
});
