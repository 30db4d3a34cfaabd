import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight } from "./cli-process.ts";
import { sarifErrors } from "./fixtures/sarif/validate.ts";

interface FileFindings {
  file: string;
  findings: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}

const BLAME = "John was careless and pushed the bad config.";
const CLEAN = "The cache warmed up again at 14:05 and latency went back to normal.";

// A post-mortem in the SPEC §2 template with every section written except an empty detection.
const EMPTY_DETECTION = `# Search latency spike

**Date:** 2026-03-18
**Duration:** 14:02 - 14:50 UTC (48 minutes)
**Impact:** Search answered slowly for about a third of requests
**Severity:** P2

## Timeline (UTC)
- 14:02 - Latency alert fires for search-api
- 14:06 - Priya acknowledges the page and opens the latency dashboard
- 14:31 - Index rebuild job paused; latency recovers

## Root Cause
The nightly index rebuild started at peak traffic: its schedule was read in local time after the clock change.

## Contributing Factors
- The scheduler accepts start times without a time zone.
- No alert compares rebuild start times with traffic peaks.

## Detection

## Resolution
Pausing the rebuild job restored normal latency; the job now starts at 03:00 UTC.

## Action Items
- [ ] Reject schedule entries without a time zone in the search-jobs config loader - Owner: Priya - Due: 2026-03-25
- [ ] Page when an index rebuild starts above half of peak traffic - Owner: Sam - Due: 2026-04-01

## Lessons Learned
### What went well
- The latency alert fired within minutes.

### What could be improved
- Job schedules should always carry a time zone.
`;

// The lint command needs no database: the environment points at one that cannot be opened.
describe("hindsight lint", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const at = (...parts: string[]) => join(dir, ...parts);
  const hindsight = (args: string[], input?: string) => runHindsight(args, env, input);
  const json = (stdout: string) => JSON.parse(stdout) as FileFindings[];
  const ruleIds = (f: FileFindings) => f.findings.map((x) => x.ruleId);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-lint-"));
    env = {
      ...process.env,
      HINDSIGHT_DB: at("no-such-folder", "hindsight.db"),
      DATABASE_URL: "",
      NO_COLOR: "",
    };
    writeFileSync(at("blame.md"), `# Checkout outage\n\nThe deploy went out at 14:02.\n${BLAME}\n`);
    writeFileSync(at("clean.md"), `${CLEAN}\n`);
    writeFileSync(at("empty-detection.md"), EMPTY_DETECTION);
    writeFileSync(
      at("disabled.md"),
      `<!-- hindsight-disable-next-line blame-language -->\n${BLAME}\n\n${BLAME}\n`,
    );
    mkdirSync(at("reviews", "2026"), { recursive: true });
    writeFileSync(at("reviews", "b.md"), `${BLAME}\n`);
    writeFileSync(at("reviews", "2026", "a.md"), `${CLEAN}\n`);
    writeFileSync(at("reviews", "notes.txt"), `${BLAME}\n`);
    writeFileSync(at("off.json"), JSON.stringify({ rules: { "blame-language": "off" } }));
    writeFileSync(at("softer.json"), JSON.stringify({ rules: { "blame-language": "warning" } }));
    writeFileSync(at("misspelt.json"), JSON.stringify({ rules: { "blame-langauge": "off" } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports the SPEC §9 JSON contract, exits 1 on an error finding, and touches no database", async () => {
    const result = await hindsight(["lint", at("blame.md"), at("clean.md"), "--format", "json"]);
    expect(result.code).toBe(1);
    const files = json(result.stdout);
    expect(files.map((f) => f.file)).toEqual([at("blame.md"), at("clean.md")]);
    expect(files[1]!.findings).toEqual([]);
    const blame = files[0]!.findings.find((f) => f.ruleId === "blame-language");
    expect(blame).toMatchObject({ severity: "error", line: 4, column: expect.any(Number) });
    expect(Object.keys(blame!)).toEqual([
      "ruleId",
      "severity",
      "message",
      "line",
      "column",
      "section",
      "suggestion",
    ]);
    expect(existsSync(at("no-such-folder"))).toBe(false);
  }, 90_000);

  it("exits 0 on a clean document and says so in text", async () => {
    const result = await hindsight(["lint", at("clean.md")]);
    expect(result).toMatchObject({ code: 0, stdout: "No problems found in 1 file.\n" });
  }, 90_000);

  it("prints text grouped by file with the excerpt, no colour on a pipe, and a count line", async () => {
    const result = await hindsight(["lint", at("blame.md")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${at("blame.md")}\n  4:`);
    expect(result.stdout).toMatch(/ {2}4:\d+ +error +.+ {2}\[blame-language\]\n/);
    expect(result.stdout).toContain(`> ${BLAME}`);
    expect(result.stdout).toMatch(
      /\n\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 of 1 file\n$/,
    );
    expect(result.stdout).not.toContain("\u001b[");
  }, 90_000);

  it("writes SARIF that the official 2.1.0 schema accepts", async () => {
    const result = await hindsight(["lint", at("blame.md"), at("clean.md"), "--format", "sarif"]);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain("blame-language");
  }, 90_000);

  it("lints standard input given as -, named <stdin>", async () => {
    const result = await hindsight(["lint", "-", "--format", "json"], `${CLEAN}\n${BLAME}\n`);
    expect(result.code).toBe(1);
    const [file] = json(result.stdout);
    expect(file!.file).toBe("<stdin>");
    expect(file!.findings.filter((f) => f.ruleId === "blame-language").map((f) => f.line)).toEqual([2]);
  }, 90_000);

  it("lints every *.md in a folder, nested ones too, and only those; a glob the same", async () => {
    const folder = await hindsight(["lint", at("reviews"), "--format", "json"]);
    expect(json(folder.stdout).map((f) => f.file)).toEqual([
      at("reviews", "2026", "a.md"),
      at("reviews", "b.md"),
    ]);
    expect(folder.code).toBe(1);
    const glob = await hindsight(["lint", at("reviews", "**", "a.md"), "--format", "json"]);
    expect(glob).toMatchObject({ code: 0 });
    expect(json(glob.stdout).map((f) => f.file)).toEqual([at("reviews", "2026", "a.md")]);
  }, 90_000);

  it("honours an inline disable comment for the next line only", async () => {
    const result = await hindsight(["lint", at("disabled.md"), "--format", "json"]);
    const [file] = json(result.stdout);
    expect(file!.findings.filter((f) => f.ruleId === "blame-language").map((f) => f.line)).toEqual([4]);
  }, 90_000);

  it("reads a config that turns a rule off or changes its severity", async () => {
    const off = await hindsight(["lint", at("blame.md"), "--config", at("off.json"), "--format", "json"]);
    expect(ruleIds(json(off.stdout)[0]!)).not.toContain("blame-language");
    expect(off.code).toBe(0);
    const softer = await hindsight([
      "lint",
      at("blame.md"),
      "--config",
      at("softer.json"),
      "--format",
      "json",
    ]);
    const blame = json(softer.stdout)[0]!.findings.find((f) => f.ruleId === "blame-language");
    expect(blame?.severity).toBe("warning");
    expect(softer.code).toBe(0);
  }, 90_000);

  it("refuses a config with a misspelt rule id with exit 2, naming the file and the field", async () => {
    const result = await hindsight(["lint", at("clean.md"), "--config", at("misspelt.json")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("misspelt.json");
    expect(result.stderr).toContain("blame-langauge");
  }, 90_000);

  it("exits 2 on bad input: a missing file, a missing config, an unknown format", async () => {
    const missing = await hindsight(["lint", at("nope.md")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.md");
    const noConfig = await hindsight(["lint", at("clean.md"), "--config", at("nope.json")]);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain("nope.json");
    const format = await hindsight(["lint", at("clean.md"), "--format", "xml"]);
    expect(format.code).toBe(2);
    const count = await hindsight(["lint", at("clean.md"), "--max-warnings", "many"]);
    expect(count.code).toBe(2);
  }, 90_000);

  it("exits 1 when warnings pass --max-warnings, 0 up to it", async () => {
    const base = await hindsight(["lint", at("empty-detection.md"), "--format", "json"]);
    const [file] = json(base.stdout);
    const heading = EMPTY_DETECTION.split("\n").indexOf("## Detection") + 1;
    expect(file!.findings).toContainEqual(
      expect.objectContaining({ ruleId: "missing-section", line: heading, section: "Detection" }),
    );
    expect(file!.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(base.code).toBe(0);
    const warnings = file!.findings.filter((f) => f.severity === "warning").length;
    const within = await hindsight(["lint", at("empty-detection.md"), "--max-warnings", String(warnings)]);
    expect(within.code).toBe(0);
    const over = await hindsight(["lint", at("empty-detection.md"), "--max-warnings", String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("--max-warnings");
  }, 90_000);

  it("writes the report to the file given with -o and nothing to standard output", async () => {
    const out = at("report.sarif");
    const result = await hindsight(["lint", at("blame.md"), "--format", "sarif", "-o", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(sarifErrors(JSON.parse(readFileSync(out, "utf8")))).toEqual([]);
  }, 90_000);
});
