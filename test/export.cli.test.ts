import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight } from "./cli-process.ts";

// The CLI is exercised as a user runs it: a real process over a real SQLite file.
describe("hindsight export", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const hindsight = (args: string[]) => runHindsight(args, env);
  const keys: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-export-"));
    env = { ...process.env, HINDSIGHT_DB: join(dir, "hindsight.db"), DATABASE_URL: "" };
    for (const title of ["Checkout errors", "Search is slow"]) {
      const created = await hindsight([
        "incident",
        "create",
        "--title",
        title,
        "--severity",
        "P2",
        "--started-at",
        "2026-03-18T14:02:00Z",
      ]);
      keys.push(created.stdout.trim());
    }
    await hindsight([
      "timeline",
      "add",
      keys[0]!,
      "Paged the *database* team",
      "--at",
      "2026-03-18T14:09:00Z",
    ]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the Markdown of one post-mortem to standard output", async () => {
    const result = await hindsight(["export", keys[0]!]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\nformat: hindsight.postmortem.v1\n/);
    expect(result.stdout).toContain("# Checkout errors\n\n**Date:** 2026-03-18\n");
    expect(result.stdout).toContain("- 14:09 - Paged the \\*database\\* team\n");
  }, 30_000);

  it("writes JSON or HTML to the file given with -o", async () => {
    const json = join(dir, "one.json");
    expect((await hindsight(["export", keys[0]!, "--format", "json", "-o", json])).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8"))).toMatchObject({
      incident: { key: keys[0], title: "Checkout errors" },
    });
    const html = join(dir, "one.html");
    expect((await hindsight(["export", keys[0]!, "--format", "html", "--output", html])).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/);
  }, 30_000);

  it("exports every incident into a folder with --all and says how many", async () => {
    const out = join(dir, "all");
    const result = await hindsight(["export", "--all", out, "--format", "md"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Exported 2 post-mortems as md to ${out}`);
    expect(readdirSync(out).sort()).toEqual(keys.map((k) => `${k}.md`).sort());
    expect(readFileSync(join(out, `${keys[1]}.md`), "utf8")).toContain("# Search is slow\n");
  }, 30_000);

  it("fails with one line and the usual exit codes", async () => {
    const missing = await hindsight(["export", "INC-999"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("INC-999");
    const noKey = await hindsight(["export"]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("--all");
    const badFormat = await hindsight(["export", keys[0]!, "--format", "pdf"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("md, json, html");
  }, 30_000);
});
