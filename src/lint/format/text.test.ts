import { describe, expect, it } from "vitest";
import type { Finding } from "../finding.ts";
import type { FileResult } from "./json.ts";
import { excerpt, formatText, wantsColor } from "./text.ts";

const source = [
  "# Checkout outage",
  "",
  "## Root Cause",
  "    John was careless and pushed the bad config.",
  "",
  "## Action Items",
  "- Improve monitoring",
].join("\n");

const findings: Finding[] = [
  {
    ruleId: "blame-language",
    severity: "error",
    message: "A person is made the cause of the failure.",
    line: 4,
    column: 5,
    section: "Root Cause",
    suggestion: "Ask what allowed the bad config to reach production.",
  },
  {
    ruleId: "vague-action-item",
    severity: "warning",
    message: "This action item is not specific.",
    line: 7,
    column: 3,
    section: "Action Items",
    suggestion: null,
  },
];

const results: FileResult[] = [
  { file: "reviews/checkout.md", source, findings },
  { file: "reviews/clean.md", source: "# Fine\n", findings: [] },
];

describe("formatText", () => {
  it("groups findings under their file with location, severity, message, rule, excerpt and suggestion", () => {
    const lines = formatText(results, { color: false }).split("\n");
    expect(lines).toEqual([
      "reviews/checkout.md",
      "  4:5  error    A person is made the cause of the failure.  [blame-language]",
      "                > John was careless and pushed the bad config.",
      "                hint: Ask what allowed the bad config to reach production.",
      "  7:3  warning  This action item is not specific.  [vague-action-item]",
      "                > - Improve monitoring",
      "",
      "2 problems (1 error, 1 warning, 0 info) in 1 of 2 files",
      "",
    ]);
  });

  it("leaves files without findings out and says so when everything is clean", () => {
    const text = formatText([results[1]!], { color: false });
    expect(text).toBe("No problems found in 1 file.\n");
  });

  it("colours only when asked to", () => {
    expect(formatText(results, { color: false })).not.toContain("\u001b[");
    const coloured = formatText(results, { color: true });
    expect(coloured).toContain("\u001b[31merror");
    expect(coloured).toContain("\u001b[33mwarning");
  });
});

describe("wantsColor", () => {
  it("wants colour on a terminal unless NO_COLOR is set, never on a pipe or file", () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, {})).toBe(false);
  });
});

describe("excerpt", () => {
  it("cuts a long line to a window around the column, marking the cuts", () => {
    const long = `${"a".repeat(150)} the careless deploy ${"b".repeat(150)}`;
    const text = excerpt(long, 1, 152);
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).toContain("the careless deploy");
    expect(text.length).toBeLessThanOrEqual(102);
  });

  it("is empty for a line past the end of the text", () => {
    expect(excerpt("one line", 5, 1)).toBe("");
  });
});
