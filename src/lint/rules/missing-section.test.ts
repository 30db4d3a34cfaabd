import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const missing = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "missing-section");

describe("missing-section", () => {
  it("flags an empty required section at its heading", () => {
    const text = [
      "# Outage",
      "## Root Cause",
      "A leak.",
      "## Detection",
      "...",
      "## Resolution",
      "Rolled back.",
      "## Action Items",
      "- Fix it",
      "## Lessons Learned",
      "### What went well",
      "- Fast rollback",
    ].join("\n");
    expect(missing(text)).toEqual([
      {
        ruleId: "missing-section",
        severity: "warning",
        message: "The “Detection” section is empty: say how the problem was noticed and how long that took",
        line: 4,
        column: 1,
        section: "Detection",
        suggestion: null,
      },
    ]);
  });

  it("flags a required section that is absent, at the title", () => {
    const text = "# Outage\n\n## Summary\nIt broke.\n\n## Root Cause\nA leak.\n\n## Action Items\n- Fix it\n";
    expect(missing(text).map((f) => [f.line, f.message])).toEqual([
      [1, "No “Detection” section: add one that says how the problem was noticed and how long that took"],
      [1, "No “Resolution” section: add one that says what brought the service back"],
      [1, "No “Lessons Learned” section: add one that says what went well and what to improve"],
    ]);
  });

  it("knows common names for the sections and says nothing about fragments", () => {
    const text = [
      "# Outage",
      "## Root causes",
      "A leak.",
      "## How it was detected",
      "An alert.",
      "## Recovery",
      "Rolled back.",
      "## Follow-ups",
      "- Fix it",
      "## Learnings",
      "- Leaks hide",
    ].join("\n");
    expect(missing(text)).toEqual([]);
    expect(missing("Just a note about the outage.")).toEqual([]);
  });
});
