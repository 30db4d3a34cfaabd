import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const due = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "action-item-due");

const doc = (items: string) => `# Outage\n\n## Root Cause\nA leak.\n\n## Action Items\n${items}\n`;

describe("action-item-due", () => {
  it("flags an open action item without a date, at its line", () => {
    const findings = due(
      doc("- [ ] Add a leak test - Owner: Priya - Due: 2026-04-01\n- [ ] Document the rollback - Owner: Lee"),
    );
    expect(findings).toEqual([
      {
        ruleId: "action-item-due",
        severity: "warning",
        message: "Action item has no due date",
        line: 8,
        column: 1,
        section: "Action Items",
        suggestion: expect.stringContaining("due date"),
      },
    ]);
  });

  it("accepts Due:, a bare ISO date, end of sprint and quarters", () => {
    const items = [
      "- Add a leak test - Owner: Priya - Due: 2026-04-01",
      "- Add a leak test (owner: Sam, 2026-05-02)",
      "- Add a leak test by end of sprint",
      "- Add a leak test in Q3 2026",
    ].join("\n");
    expect(due(doc(items))).toEqual([]);
  });

  it("skips items that are done", () => {
    expect(due(doc("- [x] Raise the alert to a page - Owner: Sam"))).toEqual([]);
  });
});
