import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight } from "./cli-process.ts";

// The CLI is exercised as a user runs it: a real process over a real SQLite file.
describe("hindsight CLI", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const hindsight = (args: string[], input?: string) => runHindsight(args, env, input);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-cli-"));
    env = { ...process.env, HINDSIGHT_DB: join(dir, "hindsight.db"), DATABASE_URL: "" };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints help for the program and for each command", async () => {
    const top = await hindsight(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["serve", "migrate", "user", "token", "timeline"])
      expect(top.stdout).toContain(command);
    const add = await hindsight(["timeline", "add", "--help"]);
    expect(add.stdout).toContain("--at <iso>");
    expect(add.stdout).toContain("--kind <kind>");
  }, 30_000);

  it("records an incident end to end: migrate, user, token, incident, timeline", async () => {
    expect((await hindsight(["migrate"])).stdout).toMatch(/Applied \d+ migration|up to date/);
    expect((await hindsight(["migrate"])).stdout).toContain("up to date");

    const admin = await hindsight([
      "user",
      "create",
      "--email",
      "Ana@Example.com",
      "--name",
      "Ana",
      "--role",
      "admin",
    ]);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain("ana@example.com");
    expect(admin.stdout).toMatch(/Password \(shown only now\): \S{20}/);

    const editor = await hindsight(
      [
        "user",
        "create",
        "--email",
        "eli@example.com",
        "--name",
        "Eli",
        "--role",
        "editor",
        "--password-stdin",
      ],
      "a long enough secret\n",
    );
    expect(editor.code).toBe(0);
    expect(editor.stdout).not.toContain("Password");

    const token = await hindsight(["token", "create", "--email", "eli@example.com"]);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^hst_[A-Za-z0-9_-]{40,}$/);

    const key = (
      await hindsight(["incident", "create", "--title", "Checkout errors", "--severity", "P1"])
    ).stdout.trim();
    expect(key).toMatch(/^INC-\d+$/);

    const added = await hindsight([
      "timeline",
      "add",
      key,
      "Paged the database team",
      "--kind",
      "action",
      "--at",
      "2026-03-18T14:02:00Z",
      "--json",
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      incidentKey: key,
      occurredAt: "2026-03-18T14:02:00Z",
      kind: "action",
    });

    const stamped = await hindsight(["timeline", "add", key, "Rolled back the release", "--json"]);
    const occurredAt = Date.parse(JSON.parse(stamped.stdout).occurredAt);
    expect(Math.abs(Date.now() - occurredAt)).toBeLessThan(60_000);
  }, 60_000);

  it("refuses to serve with a bad internal domain, naming the variable", async () => {
    const result = await runHindsight(["serve"], {
      ...env,
      PORT: "0",
      HINDSIGHT_INTERNAL_DOMAINS: "corp.example.com, not a/domain",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/HINDSIGHT_INTERNAL_DOMAINS: "a\/domain" is not a domain name/);
  }, 30_000);

  it("fails with one line and a non-zero code on bad input", async () => {
    const unknown = await hindsight(["timeline", "add", "INC-999", "text"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain("INC-999");

    const offset = await hindsight([
      "incident",
      "create",
      "--title",
      "x",
      "--started-at",
      "2026-03-18T14:02:00+01:00",
    ]);
    expect(offset.code).toBe(2);
    expect(offset.stderr).toContain("startedAt");

    const badRole = await hindsight([
      "user",
      "create",
      "--email",
      "x@example.com",
      "--name",
      "X",
      "--role",
      "root",
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("viewer, editor, admin");

    const duplicate = await hindsight([
      "user",
      "create",
      "--email",
      "ana@example.com",
      "--name",
      "Ana",
      "--role",
      "viewer",
    ]);
    expect(duplicate.code).toBe(4);
  }, 60_000);
});
