import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const vague = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "vague-action-item");

const template = (items: string) =>
  `# Outage\n\n## Root Cause\nA leak.\n\n## Action Items\n${items}\n\n## Lessons Learned\n- Leaks hide.\n`;

describe("vague-action-item", () => {
  it("flags an action item that names no change, even with an owner and a due date", () => {
    const findings = vague(template("- [ ] Improve monitoring - Owner: Sam - Due: 2026-09-01"));
    expect(findings).toEqual([
      {
        ruleId: "vague-action-item",
        severity: "warning",
        message:
          "Vague action item: “Improve monitoring” does not say what changes or how we know it is done",
        line: 7,
        column: 7,
        section: "Action Items",
        suggestion: expect.stringContaining("how we will know it is done"),
      },
    ]);
  });

  it("accepts items that say what changes and when it is done", () => {
    const items = [
      "- [ ] Alert when any certificate expires in fewer than 21 days - Owner: Nadia - Due: 2026-04-30",
      "- [ ] Set `max_surge` to 10% for the ingest deployment - Owner: Ivo - Due: 2026-05-20",
      "- [ ] Look into this, make multi-AZ the default for production databases - Owner: Ana - Due: 2026-06-01",
    ].join("\n");
    expect(vague(template(items))).toEqual([]);
  });

  it("in a fragment, judges imperative sentences and checklist items", () => {
    expect(vague("Look into the latency issue.").map((f) => f.column)).toEqual([1]);
    expect(vague("- [ ] Extra logging in the worker?").map((f) => f.column)).toEqual([7]);
    expect(vague("Refactor the scheduler eventually.")[0]?.message).toBe(
      "Action item has no concrete change or end point",
    );
  });

  it("leaves reports, questions and labels alone", () => {
    const lines = [
      "Restore from the 02:00 snapshot completed at 05:26.",
      "Review of the logs showed a spike at 14:00.",
      "- **Review actions**:",
      "What made it possible for a single command to affect every region?",
    ];
    for (const line of lines) expect(vague(line), line).toEqual([]);
  });

  it("in a template document, imperative sentences outside the action items are not action items", () => {
    const text = `# Outage\n\n## Root Cause\nA leak.\n\n## Lessons Learned\n- Improve alerting.\n`;
    expect(vague(text)).toEqual([]);
  });
});
