import { describe, expect, it } from "vitest";
import type { PostmortemFinding } from "../../api/types.ts";
import type { Draft } from "./draft.ts";
import { lineRange, targetOf } from "./targets.ts";

const linted: Draft = {
  summary: "",
  rootCause: "",
  detection: "",
  resolution: "",
  contributingFactors: [],
  wentWell: ["Fast rollback", "Clear comms"],
  toImprove: ["Paging"],
  appendix: [],
};

function at(section: string | null, offset: number): PostmortemFinding {
  return {
    ruleId: "x",
    severity: "warning",
    message: "m",
    line: 1,
    column: 1,
    section,
    offset,
    suggestion: null,
  };
}

describe("targetOf", () => {
  it("maps a section line to the line of its text field", () => {
    expect(targetOf(at("Root Cause", 3), linted)).toEqual({ section: "rootCause", line: 2 });
    expect(targetOf(at("Detection", 0), linted)).toEqual({ section: "detection" });
  });

  it("maps list lines to items, across both lessons lists", () => {
    expect(targetOf(at("Contributing Factors", 2), linted)).toEqual({
      section: "contributingFactors",
      item: 1,
    });
    expect(targetOf(at("Lessons Learned", 3), linted)).toEqual({ section: "wentWell", item: 1 });
    // ### What went well, 2 items, a blank line, ### What could be improved, then its items.
    expect(targetOf(at("Lessons Learned", 6), linted)).toEqual({ section: "toImprove", item: 0 });
  });

  it("has no target for sections edited elsewhere", () => {
    expect(targetOf(at("Action Items", 1), linted)).toBeUndefined();
    expect(targetOf(at("Timeline (UTC)", 1), linted)).toBeUndefined();
    expect(targetOf(at(null, 3), linted)).toBeUndefined();
  });
});

describe("lineRange", () => {
  it("spans one line, clamped to the last", () => {
    expect(lineRange("one\n\ntwo words", 2)).toEqual([5, 14]);
    expect(lineRange("one", 9)).toEqual([0, 3]);
  });
});
