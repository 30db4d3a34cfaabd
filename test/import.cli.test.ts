import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownDatabaseEnv, runHindsight } from "./cli-process.ts";

interface Outcome {
  file: string;
  status: string;
  key: string | null;
  warnings: { line: number | null; message: string }[];
  errors: { line: number | null; message: string }[];
}

const BAD_TIME = "- 11.50 - Paged the team";

// A real process over a real database: a SQLite file, or a PostgreSQL database of its own when DATABASE_URL is set.
describe("hindsight import", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const hindsight = (args: string[]) => runHindsight(args, env);
  let dropDatabase = async () => {};
  const keys: string[] = [];

  async function everyExport(): Promise<Record<string, string>> {
    const out = mkdtempSync(join(dir, "check-"));
    expect((await hindsight(["export", "--all", out])).code).toBe(0);
    const files: Record<string, string> = {};
    for (const key of ["INC-1", "INC-2", "INC-3", "INC-4"]) {
      try {
        files[key] = readFileSync(join(out, `${key}.md`), "utf8");
      } catch {
        // not there: that incident does not exist
      }
    }
    return files;
  }

  const docs = () => join(dir, "docs");
  const broken = () => join(dir, "docs", "drafts", "broken.md");
  const badLine = () => readFileSync(broken(), "utf8").split("\n").indexOf(BAD_TIME) + 1;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-import-"));
    ({ env, drop: dropDatabase } = await ownDatabaseEnv(dir, "hindsight_import"));
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
    expect((await hindsight(["export", "--all", docs()])).code).toBe(0);

    const first = readFileSync(join(docs(), "INC-1.md"), "utf8");
    const second = readFileSync(join(docs(), "INC-2.md"), "utf8");
    writeFileSync(join(docs(), "INC-2.md"), second.replace("# Search is slow\n", "# Search is slow in EU\n"));
    mkdirSync(join(docs(), "drafts"));
    writeFileSync(join(docs(), "drafts", "elsewhere.md"), first.replace("key: INC-1\n", "key: INC-77\n"));
    writeFileSync(broken(), first.replace("## Timeline (UTC)\n", `## Timeline (UTC)\n\n${BAD_TIME}\n`));
    writeFileSync(join(docs(), "drafts", "notes.txt"), "not a post-mortem");
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  });

  it("with --dry-run reports what each file would do and stores nothing", async () => {
    const before = await everyExport();
    const result = await hindsight(["import", docs(), "--dry-run", "--format", "json"]);
    expect(result.code).toBe(1);
    const outcomes = JSON.parse(result.stdout) as Outcome[];
    expect(outcomes.map((o) => [o.file, o.status, o.key])).toEqual([
      [join(docs(), "INC-1.md"), "unchanged", "INC-1"],
      [join(docs(), "INC-2.md"), "updated", "INC-2"],
      [broken(), "failed", null],
      [join(docs(), "drafts", "elsewhere.md"), "imported", "INC-3"],
    ]);
    expect(await everyExport()).toEqual(before);
    expect(Object.keys(before)).toEqual(["INC-1", "INC-2"]);
  }, 60_000);

  it("imports every *.md in a folder, reports each file in JSON and exits 1 when one failed", async () => {
    const result = await hindsight(["import", docs(), "--format", "json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const outcomes = JSON.parse(result.stdout) as Outcome[];
    expect(outcomes).toEqual([
      { file: join(docs(), "INC-1.md"), status: "unchanged", key: "INC-1", warnings: [], errors: [] },
      { file: join(docs(), "INC-2.md"), status: "updated", key: "INC-2", warnings: [], errors: [] },
      {
        file: broken(),
        status: "failed",
        key: null,
        warnings: [],
        errors: [{ line: badLine(), message: expect.stringContaining('"11.50" is not a UTC time') }],
      },
      {
        file: join(docs(), "drafts", "elsewhere.md"),
        status: "imported",
        key: "INC-3",
        warnings: [{ line: 1, message: "INC-77 does not exist here; the document became a new incident" }],
        errors: [],
      },
    ]);
    const stored = await everyExport();
    expect(stored["INC-2"]).toContain("# Search is slow in EU\n");
    expect(stored["INC-3"]).toContain("# Checkout errors\n");
    expect(Object.keys(stored)).toEqual(["INC-1", "INC-2", "INC-3"]);
  }, 60_000);

  it("expands a glob and prints a summary of counts", async () => {
    const result = await hindsight(["import", join(docs(), "*.md")]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("0 imported, 0 updated, 2 unchanged, 0 failed");
    expect(result.stderr).toBe("");
  }, 30_000);

  it("lists each failed file's reasons as file:line: message and each warning", async () => {
    const copy = join(dir, "copy");
    cpSync(join(docs(), "drafts"), copy, { recursive: true });
    const result = await hindsight(["import", join(copy, "broken.md"), join(copy, "elsewhere.md")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^1 imported, 0 updated, 0 unchanged, 1 failed\n/);
    expect(result.stdout).toContain(
      `Failed:\n  ${join(copy, "broken.md")}:${badLine()}: "11.50" is not a UTC time;`,
    );
    expect(result.stdout).toContain(
      `Warnings:\n  ${join(copy, "elsewhere.md")}:1: INC-77 does not exist here; the document became a new incident\n`,
    );
  }, 30_000);

  it("exits 2 with one line when no file matches", async () => {
    const result = await hindsight(["import", join(dir, "nowhere"), join(dir, "none-*.md")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no file matches");
  }, 30_000);
});
