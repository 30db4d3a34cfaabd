import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const timeline = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "timeline");

const doc = (timelineSection: string) =>
  `# Outage\n\n${timelineSection}\n\n## Root Cause\nA leak.\n\n## Action Items\n- Fix it\n`;

describe("timeline", () => {
  it("flags entries out of order and entries without a time", () => {
    const text = doc(
      "## Timeline (UTC)\n- 14:02 - Errors rise\n- 13:55 - Alert fires\n- Someone restarts the pods",
    );
    expect(timeline(text)).toEqual([
      {
        ruleId: "timeline",
        severity: "warning",
        message:
          "Timeline entry at 13:55 comes after 14:02: entries must be in time order (an entry after midnight carries its date)",
        line: 5,
        column: 1,
        section: "Timeline (UTC)",
        suggestion: null,
      },
      expect.objectContaining({ line: 6, message: "Timeline entry has no time: start it with HH:MM (UTC)" }),
    ]);
  });

  it("accepts entries after midnight that carry their date", () => {
    const text = doc("## Timeline (UTC)\n- 23:50 - Errors rise\n- 2026-03-19 00:14 - Alert fires");
    expect(timeline(text)).toEqual([]);
  });

  it("flags a timeline kept in another time zone, or one that does not say", () => {
    const cet = doc(
      "## Timeline\n\nAll times in CET.\n\n| Time | Event |\n| --- | --- |\n| 2022-01-31 12:00 | Deployed |",
    );
    expect(timeline(cet).map((f) => [f.line, f.message])).toEqual([
      [5, "Timeline times are in CET: write them in UTC so everyone reads the same clock"],
    ]);
    const silent = doc("## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2022-01-31 12:00 | Deployed |");
    expect(timeline(silent).map((f) => f.line)).toEqual([3]);
  });

  it("reads table rows, with date-only rows setting the day", () => {
    const text = doc(
      "## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 2021-12-13 15:50 | Scan |\n| 2021-12-13 14:30 | Call |\n| 2021-12-14 | |\n| 09:15 | Next day |",
    );
    expect(timeline(text).map((f) => f.line)).toEqual([10]);
  });
});
