import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const owner = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "action-item-owner");

const doc = (items: string) => `# Outage\n\n## Root Cause\nA leak.\n\n## Action Items\n${items}\n`;

describe("action-item-owner", () => {
  it("flags an open action item with nobody named, at its line", () => {
    const findings = owner(
      doc("- [ ] Page on pool saturation - Due: 2026-04-01\n- [ ] Add a leak test - Owner: Priya"),
    );
    expect(findings).toEqual([
      {
        ruleId: "action-item-owner",
        severity: "warning",
        message: "Action item has no owner",
        line: 7,
        column: 1,
        section: "Action Items",
        suggestion: expect.stringContaining("owner"),
      },
    ]);
  });

  it("accepts owners written as Owner:, assigned to, (owner: …) or an @handle", () => {
    const items = [
      "- Add a leak test - Owner: Priya - Due: 2026-04-01",
      "- Add a leak test, assigned to the payments team",
      "- Add a leak test (owner: Identity team, due 2026-07-01)",
      "- Add a leak test @ivo",
    ].join("\n");
    expect(owner(doc(items))).toEqual([]);
  });

  it("skips done, struck-through and nested items, and fragments without template headings", () => {
    const items =
      "- [x] Raise the alert to a page\n- ~~Rewrite the pool~~\n- (Done) Patch the driver\n- [ ] Alert on pool use - Owner: Sam\n  - a sub-note";
    expect(owner(doc(items))).toEqual([]);
    expect(owner("- [ ] Add a leak test")).toEqual([]);
  });
});
