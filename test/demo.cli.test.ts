import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/db/connect.ts";
import type { Incident } from "../src/incidents/incident.ts";
import { buildApp } from "../src/server/app.ts";
import { runHindsight, type CliResult } from "./cli-process.ts";

// The CLI is exercised as a user runs it: a real process over a real SQLite file.
describe("hindsight demo", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let first: CliResult;
  const hindsight = (args: string[]) => runHindsight(args, env);
  const listIncidents = async () =>
    JSON.parse((await hindsight(["incident", "list", "--limit", "500", "--json"])).stdout) as Incident[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-demo-"));
    env = { ...process.env, HINDSIGHT_DB: join(dir, "hindsight.db"), DATABASE_URL: "" };
    first = await hindsight(["demo"]);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fills an empty database and prints the demo users' passwords once", async () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Added 12 demo incidents \(INC-1 to INC-12\) with \d+ timeline entries/);
    for (const [role, email] of [
      ["admin", "demo-admin@example.com"],
      ["editor", "demo-editor@example.com"],
      ["viewer", "demo-viewer@example.com"],
    ]) {
      expect(first.stdout).toMatch(new RegExp(`${role}\\s+${email}\\s+.+password: \\S{20}`));
    }
    const incidents = await listIncidents();
    expect(incidents).toHaveLength(12);
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(["open", "mitigated", "resolved"]));
  }, 120_000);

  it("lets the demo admin sign in to the app with the printed password", async () => {
    const password = /demo-admin@example\.com\s+.+password: (\S+)/.exec(first.stdout)![1]!;
    const db = connect({ dialect: "sqlite", file: join(dir, "hindsight.db") });
    const app = await buildApp({ db });
    try {
      const signIn = (pw: string) =>
        app.inject({
          method: "POST",
          url: "/api/v1/auth/sign-in",
          payload: { email: "demo-admin@example.com", password: pw },
        });
      const ok = await signIn(password);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ name: "Priya Raman", role: "admin" });
      expect((await signIn(`${password}x`)).statusCode).toBe(401);
    } finally {
      await app.close();
      await db.destroy();
    }
  }, 120_000);

  it("refuses a second run with exit 4 and one line, changing nothing", async () => {
    const again = await hindsight(["demo"]);
    expect(again.code).toBe(4);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(again.stderr).toContain("already holds incidents");
    expect(again.stderr).toContain("--force");
  }, 120_000);

  it("adds the demo again with --force, keeping the existing users and their passwords", async () => {
    const forced = await hindsight(["demo", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("(INC-13 to INC-24)");
    expect(forced.stdout).not.toContain("password:");
    expect(forced.stdout.match(/already existed, password unchanged/g)).toHaveLength(3);
    expect(await listIncidents()).toHaveLength(24);
  }, 120_000);

  it("exports every demo incident as Markdown, JSON and HTML", async () => {
    for (const format of ["md", "json", "html"] as const) {
      const out = join(dir, format);
      const result = await hindsight(["export", "--all", out, "--format", format]);
      expect(result.code).toBe(0);
      const files = readdirSync(out);
      expect(files).toHaveLength(24);
      for (const file of files) {
        const body = readFileSync(join(out, file), "utf8");
        if (format === "md") expect(body).toMatch(/^---\nformat: hindsight\.postmortem\.v1\n[\s\S]*\n# \S/);
        if (format === "json") expect(JSON.parse(body)).toHaveProperty("incident.key", file.slice(0, -5));
        if (format === "html") expect(body).toMatch(/^<!doctype html>[\s\S]*<h1>/);
      }
    }
    const published = readFileSync(join(dir, "md", "INC-4.md"), "utf8");
    expect(published).toContain("## Action Items\n- [x] ");
    expect(published).toMatch(/heldAt: \d{4}-\d{2}-\d{2}T/);
  }, 240_000);

  it("gives the linter blame language to show in an exported draft", async () => {
    const result = await hindsight(["lint", join(dir, "md"), "--format", "json"]);
    expect(result.stdout).toContain("blame-language");
    expect(result.code).not.toBe(0);
  }, 120_000);
});
