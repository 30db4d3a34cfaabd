import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight } from "./cli-process.ts";

// As an operator runs it: real processes over real SQLite files.
describe("hindsight backup and restore", () => {
  let dir: string;
  const envFor = (name: string): NodeJS.ProcessEnv => ({
    ...process.env,
    HINDSIGHT_DB: join(dir, `${name}.db`),
    DATABASE_URL: "",
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-backup-cli-"));
    const seeded = await runHindsight(["demo"], envFor("live"));
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("copies a database into a new one that serves the same incidents", async () => {
    const file = join(dir, "nightly.jsonl.gz");
    const backup = await runHindsight(["backup", file], envFor("live"));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up \d+ rows from \d+ tables to .*nightly\.jsonl\.gz \(\d+\.\d KB\)\.$/m,
    );
    // It holds password hashes: only its owner may read it.
    expect(statSync(file).mode & 0o077).toBe(0);

    const restore = await runHindsight(["restore", file], envFor("copy"));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Restored \d+ rows \(12 incidents, 3 users\)/);

    const live = await runHindsight(["incident", "list"], envFor("live"));
    const copy = await runHindsight(["incident", "list"], envFor("copy"));
    expect(copy.stdout).toBe(live.stdout);
  }, 120_000);

  it("refuses to restore over data, with one line and exit code 4", async () => {
    const file = join(dir, "again.jsonl");
    await runHindsight(["backup", file], envFor("live"));
    const result = await runHindsight(["restore", file], envFor("live"));
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(/^hindsight: the database is not empty/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
