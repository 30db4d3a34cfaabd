import { describe, expect, it } from "vitest";
import type { Finding, RuleId, Severity } from "./finding.ts";
import { qualityScore, summarize } from "./quality.ts";

const finding = (ruleId: RuleId, severity: Severity): Finding => ({
  ruleId,
  severity,
  message: "m",
  line: 1,
  column: 1,
  section: null,
  suggestion: null,
});
const times = (n: number, f: Finding) => Array.from({ length: n }, () => f);

describe("qualityScore", () => {
  it("is 100 for a document with no findings", () => {
    expect(qualityScore([])).toBe(100);
  });

  it("takes 10 per error, 4 per warning and 1 per info", () => {
    expect(qualityScore([finding("blame-language", "error")])).toBe(90);
    expect(qualityScore([finding("timeline", "warning"), finding("no-meeting", "info")])).toBe(95);
  });

  it("caps what one rule can take at 25, so one noisy rule cannot sink the document", () => {
    expect(qualityScore(times(40, finding("timeline", "warning")))).toBe(75);
    expect(
      qualityScore([...times(40, finding("timeline", "warning")), finding("blame-language", "error")]),
    ).toBe(65);
  });

  it("never goes below 0", () => {
    const everything = (
      ["blame-language", "shallow-analysis", "vague-action-item", "timeline", "no-meeting"] as const
    ).flatMap((id) => times(5, finding(id, "error")));
    expect(qualityScore(everything)).toBe(0);
  });
});

describe("summarize", () => {
  it("counts findings by rule (every rule listed) and by severity, with the score", () => {
    const summary = summarize([
      finding("blame-language", "error"),
      finding("blame-language", "error"),
      finding("action-item-owner", "warning"),
      finding("no-meeting", "info"),
    ]);
    expect(summary).toMatchObject({ errors: 2, warnings: 1, infos: 1, score: 100 - 20 - 4 - 1 });
    expect(summary.byRule["blame-language"]).toBe(2);
    expect(summary.byRule["action-item-owner"]).toBe(1);
    expect(summary.byRule["single-root-cause"]).toBe(0);
    expect(Object.keys(summary.byRule)).toHaveLength(11);
  });
});
