import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const shallow = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "shallow-analysis");

describe("shallow-analysis", () => {
  it("flags a lesson that asks people to be more careful, at the request", () => {
    const findings = shallow(
      "## Lessons Learned\n\n- Going forward, we will be more careful with schema changes.\n",
    );
    expect(findings).toEqual([
      {
        ruleId: "shallow-analysis",
        severity: "warning",
        message: "Relies on people trying harder: asks people to be more careful",
        line: 3,
        column: 26,
        section: "Lessons Learned",
        suggestion: expect.stringContaining("mechanism"),
      },
    ]);
  });

  it("flags attention, double-checking, reminders and talks", () => {
    const lines = [
      "Pay more attention to the deploy dashboard after each release.",
      "Remind the team to double-check the region before applying Terraform.",
      "Engineers should remember to tag releases.",
      "Hold a lunch-and-learn about safe deploys.",
      "Don't run destructive scripts without thinking twice.",
      "On-call should watch the queue more closely during sales.",
    ];
    for (const line of lines) expect(shallow(line), line).toHaveLength(1);
  });

  it("leaves mechanisms alone: a job that double-checks, a bot that reminds", () => {
    const lines = [
      "The backup job now double-checks the snapshot checksum before pruning.",
      "Our paging bot reminds the secondary on-call after 5 minutes.",
      "Our careful capacity plan held up.",
      "We carefully replayed the failed messages after the fix.",
      "Teams were encouraged to migrate to the new cluster.",
      "Heavy queries make prometheus work harder and stop responding.",
    ];
    for (const line of lines) expect(shallow(line), line).toEqual([]);
  });

  it("does not read timeline entries as lessons", () => {
    const text = "## Timeline (UTC)\n\n- 14:02 - Sam reminded everyone to be careful with the failover\n";
    expect(shallow(text)).toEqual([]);
  });
});
