import { describe, expect, it } from "vitest";
import type { Finding } from "../finding.ts";
import { formatJson } from "./json.ts";

const finding: Finding = {
  ruleId: "blame-language",
  severity: "error",
  message: "A person is made the cause of the failure.",
  line: 4,
  column: 5,
  section: "Root Cause",
  suggestion: "Ask what allowed the bad config to reach production.",
};

describe("formatJson", () => {
  it("writes the SPEC §9 contract: one object per file, findings with exactly the contract's keys in order", () => {
    // A finding may carry more (offsets, internal data); the contract writes only its own keys.
    const extra = { ...finding, offset: 2, evidence: "careless" } as Finding;
    const parsed = JSON.parse(
      formatJson([
        { file: "a.md", source: "…", findings: [extra] },
        { file: "b.md", source: "", findings: [] },
      ]),
    ) as { file: string; findings: Record<string, unknown>[] }[];
    expect(parsed).toEqual([
      { file: "a.md", findings: [finding] },
      { file: "b.md", findings: [] },
    ]);
    expect(Object.keys(parsed[0]!)).toEqual(["file", "findings"]);
    expect(Object.keys(parsed[0]!.findings[0]!)).toEqual([
      "ruleId",
      "severity",
      "message",
      "line",
      "column",
      "section",
      "suggestion",
    ]);
  });

  it("keeps null section and suggestion as null rather than dropping them", () => {
    const parsed = JSON.parse(
      formatJson([{ file: "-", source: "", findings: [{ ...finding, section: null, suggestion: null }] }]),
    ) as { findings: Record<string, unknown>[] }[];
    expect(parsed[0]!.findings[0]).toMatchObject({ section: null, suggestion: null });
  });
});
