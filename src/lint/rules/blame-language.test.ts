import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.ts";
import { lintMarkdown } from "../lint.ts";

const blame = (markdown: string, config = parseConfig({}, "test")) =>
  lintMarkdown(markdown, config).filter((f) => f.ruleId === "blame-language");

describe("blame-language", () => {
  it("flags a named person as the agent of a harmful act, at the name", () => {
    const findings = blame(
      "## Root Cause\n\nIn the end, Pedro pushed a broken config to the edge proxies.\n",
    );
    expect(findings).toEqual([
      {
        ruleId: "blame-language",
        severity: "error",
        message: "Makes “Pedro” the cause of the failure",
        line: 3,
        column: 13,
        section: "Root Cause",
        suggestion: expect.stringContaining("what in the system allowed it"),
      },
    ]);
  });

  it("reads names no dictionary lists as people when they did a harmful act, but not nouns that look alike", () => {
    for (const sentence of [
      "Priya ran the migration against production.",
      "Okonkwo deleted the customer table.",
      "Mateus merged the untested branch straight to main.",
    ]) {
      expect(blame(sentence), sentence).toHaveLength(1);
    }
    for (const sentence of [
      "Priya paged the database team at 14:02.",
      "Notification from security team regarding leaked auth0 credentials.",
      "Deployment deleted the old table after the cut-over.",
      "Karpenter scaled the node group during peak hours.",
      "Photos uploaded in the last hour show a grey placeholder instead of a thumbnail.",
    ]) {
      expect(blame(sentence), sentence).toEqual([]);
    }
  });

  it("flags human error, judgement words and counterfactuals about people", () => {
    const text = [
      "Root cause: operator error while resizing the cluster.",
      "The release engineer carelessly skipped the smoke tests.",
      "He should have known the schedule was in UTC.",
      "If Ana had followed the runbook, no data would have been lost.",
      "Bruno could have caught this in review.",
    ].join("\n\n");
    const findings = blame(text);
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [1, 13, "“operator error” makes a person the cause"],
      [3, 22, "“carelessly” judges a person instead of describing what happened"],
      [5, 4, "“should have known” judges a person instead of describing what happened"],
      [7, 4, "Counterfactual about what “Ana” should have done"],
      [9, 1, "Counterfactual about what “Bruno” should have done"],
    ]);
  });

  it("flags lapses by roles and teams: failed to, forgot, ignored, didn't read", () => {
    const lines = [
      "QA failed to test the upgrade path.",
      "The platform team forgot to renew the certificate.",
      "The person on shift ignored the pager for 25 minutes.",
      "Marco didn't check which cluster his context pointed to.",
    ];
    for (const line of lines) expect(blame(line), line).toHaveLength(1);
  });

  it("leaves people doing their job alone", () => {
    const lines = [
      "Priya paged the database team at 14:02.",
      "J Birchall assumes incident lead.",
      "- 03:05 - Farid acknowledged the alert and joined the bridge.",
      "The engineer on call correctly identified the bad deploy within six minutes.",
      "Ravi applied the fix to production at 12:30 and monitored error rates.",
      "Carlos noticed the wrong certificate was being served and opened an incident.",
      "Elif approved the change after the staging soak passed, as the process required.",
    ];
    for (const line of lines) expect(blame(line), line).toEqual([]);
  });

  it("tells systems from people: a probe or a scheduler failing is not blame", () => {
    const lines = [
      "The readiness probe failed to pass because the image listened on port 8081.",
      "The scheduler should have retried the job, but its retry policy was zero.",
      "The human-readable changelog did not mention the new default.",
      "The retry loop blindly retried every request.",
      "Customer impact was negligible.",
      "Automating the resize removes the chance of human error.",
    ];
    for (const line of lines) expect(blame(line), line).toEqual([]);
  });

  it("also blames when a named person is asked to be careful", () => {
    expect(blame("We've asked Rohan to slow down whenever he runs admin commands.")).toMatchObject([
      {
        line: 1,
        column: 13,
        message: "Singles out Rohan: asking one person to be careful makes them the cause",
      },
    ]);
  });

  it("skips code, front matter and link addresses", () => {
    const text = [
      "---",
      "note: Pedro pushed a broken config",
      "---",
      "",
      "```",
      "Pedro pushed a broken config",
      "```",
      "",
      "See `human error` in [the glossary](https://example.com/human-error).",
    ].join("\n");
    expect(blame(text)).toEqual([]);
  });

  it("reads configured phrases as blame and allowed words as harmless", () => {
    const config = parseConfig({ phrases: { blame: ["went rogue"] }, allow: ["Careless"] }, "test");
    expect(blame("The deploy bot went rogue at noon.", config)).toMatchObject([
      { line: 1, column: 16, message: "“went rogue” is on this team's list of blaming phrases" },
    ]);
    expect(blame("Careless restarted twice during the incident.", config)).toEqual([]);
    expect(blame("The careless edit broke the build.", config)).toEqual([]);
  });
});
