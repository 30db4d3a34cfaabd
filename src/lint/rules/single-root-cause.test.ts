import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const single = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "single-root-cause");

describe("single-root-cause", () => {
  it("flags a root cause with no contributing factors, at the Root Cause heading", () => {
    const text =
      "# Outage\n\n## Root Cause\nA release leaked connections.\n\n## Contributing Factors\n\n## Action Items\n- Fix it\n";
    expect(single(text)).toEqual([
      {
        ruleId: "single-root-cause",
        severity: "warning",
        message: "One root cause and no contributing factors",
        line: 3,
        column: 1,
        section: "Root Cause",
        suggestion: expect.stringContaining("several reasons"),
      },
    ]);
  });

  it("accepts a root cause with factors, or a root cause that lists several causes", () => {
    const withFactors =
      "# Outage\n\n## Root Cause\nA leak.\n\n## Contributing Factors\n- The alert only emailed\n\n## Action Items\n- Fix it\n";
    const listed = "# Outage\n\n## Root Causes\n- A leak\n- A slow provider\n\n## Action Items\n- Fix it\n";
    expect(single(withFactors)).toEqual([]);
    expect(single(listed)).toEqual([]);
  });
});
