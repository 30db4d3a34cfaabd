import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sarifErrors } from "../../../test/fixtures/sarif/validate.ts";
import { RULE_IDS, type Finding } from "../finding.ts";
import type { FileResult } from "./json.ts";
import { formatSarif } from "./sarif.ts";

const blame: Finding = {
  ruleId: "blame-language",
  severity: "error",
  message: "A person is made the cause of the failure.",
  line: 12,
  column: 1,
  section: "Root Cause",
  suggestion: "Ask what allowed the bad config to reach production.",
};
const overload: Finding = {
  ruleId: "action-item-overload",
  severity: "info",
  message: "Eight action items.",
  line: 30,
  column: 1,
  section: "Action Items",
  suggestion: null,
};

const root = join("/repo");
const results: FileResult[] = [
  { file: join(root, "reviews", "2026 checkout.md"), source: "", findings: [blame, overload] },
  { file: join(root, "clean.md"), source: "", findings: [] },
];

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; rules: Record<string, unknown>[] } };
    results: Record<string, unknown>[];
  }[];
}

const sarif = (r: FileResult[], levels = {}) =>
  JSON.parse(formatSarif(r, { toolVersion: "0.1.0", root, levels })) as SarifLog;

describe("formatSarif", () => {
  it("writes a log that the official SARIF 2.1.0 schema accepts", () => {
    const log = sarif(results);
    expect(sarifErrors(log)).toEqual([]);
    expect(log).toMatchObject({ version: "2.1.0", $schema: expect.stringContaining("sarif-2.1.0") });
    // The check itself bites: SARIF has no "info" level.
    log.runs[0]!.results[0]!.level = "info";
    expect(sarifErrors(log).length).toBeGreaterThan(0);
  });

  it("describes every rule, with its help and default level, and says who made the log", () => {
    const driver = sarif(results).runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "Hindsight", version: "0.1.0" });
    expect(driver.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(driver.rules[0]).toMatchObject({
      id: "blame-language",
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringMatching(/system/) },
      defaultConfiguration: { level: "error" },
    });
  });

  it("marks a rule that the config turns off as disabled", () => {
    const driver = sarif(results, { timeline: "off", "missing-section": "info" }).runs[0]!.tool.driver;
    const rule = (id: string) => driver.rules.find((r) => r.id === id);
    expect(rule("timeline")).toMatchObject({ defaultConfiguration: { enabled: false } });
    expect(rule("missing-section")).toMatchObject({ defaultConfiguration: { level: "note" } });
  });

  it("points each result at its rule, a relative forward-slash path under %SRCROOT%, and line/column", () => {
    const [first, second] = sarif(results).runs[0]!.results;
    expect(first).toEqual({
      ruleId: "blame-language",
      ruleIndex: 0,
      level: "error",
      message: { text: blame.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "reviews/2026%20checkout.md", uriBaseId: "%SRCROOT%" },
            region: { startLine: 12, startColumn: 1 },
          },
        },
      ],
      properties: { section: "Root Cause", suggestion: blame.suggestion },
    });
    expect(second).toMatchObject({
      ruleId: "action-item-overload",
      ruleIndex: RULE_IDS.indexOf("action-item-overload"),
      level: "note",
    });
  });

  it("writes a file outside the root as a file: URI, and standard input as a valid relative URI", () => {
    const outside = sarif([
      { file: "/elsewhere/pm.md", source: "", findings: [blame] },
      { file: "<stdin>", source: "", findings: [blame] },
    ]);
    expect(sarifErrors(outside)).toEqual([]);
    const locations = outside.runs[0]!.results.map(
      (r) => (r.locations as { physicalLocation: { artifactLocation: unknown } }[])[0]!.physicalLocation,
    );
    expect(locations[0]!.artifactLocation).toEqual({ uri: "file:///elsewhere/pm.md" });
    expect(locations[1]!.artifactLocation).toEqual({ uri: "%3Cstdin%3E" });
  });

  it("writes an empty result list when nothing was found, still valid", () => {
    const log = sarif([{ file: join(root, "clean.md"), source: "", findings: [] }]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(sarifErrors(log)).toEqual([]);
  });
});
