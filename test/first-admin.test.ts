import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "../src/users/ensure-first-admin.ts";
import type { CreatedUser } from "../src/users/manage-users.ts";
import { buildCtx } from "./factories.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

const BIN = join(import.meta.dirname, "..", "bin", "hindsight.js");
const ADMIN_EMAIL = "admin@example.com";

/** The passwords a start printed (the line `  password: …`). */
function passwordsIn(output: string): string[] {
  return [...output.matchAll(/password:\s+(\S+)/g)].map((m) => m[1]!);
}

interface Exited {
  code: number | null;
  stdout: string;
}

// `hindsight serve` is run as an operator runs it: a real process over a real SQLite file.
describe("hindsight serve on a database without users", () => {
  let dir: string;
  let children: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-first-admin-"));
  });
  afterEach(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    children = [];
    rmSync(dir, { recursive: true, force: true });
  });

  function spawnServe(port: number): { child: ChildProcess; output: () => string; exited: Promise<Exited> } {
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: {
        ...process.env,
        HINDSIGHT_DB: join(dir, "hindsight.db"),
        DATABASE_URL: "",
        PORT: String(port),
        HOST: "127.0.0.1",
        HINDSIGHT_ADMIN_EMAIL: "",
        HINDSIGHT_LOG_LEVEL: "warn",
      },
    });
    children.push(child);
    let stdout = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.resume();
    const exited = new Promise<Exited>((resolve) => child.on("close", (code) => resolve({ code, stdout })));
    return { child, output: () => stdout, exited };
  }

  /** Starts the server on a free port; resolves with its address and what it printed up to "listening on". */
  async function serve() {
    const run = spawnServe(0);
    const address = await new Promise<string>((resolve, reject) => {
      run.child.stdout!.on("data", () => {
        const match = /listening on (http:\/\/\S+)/.exec(run.output());
        if (match) resolve(match[1]!);
      });
      void run.exited.then(({ code, stdout }) => reject(new Error(`serve exited with ${code}:\n${stdout}`)));
    });
    return { ...run, address, printed: run.output() };
  }

  async function stop(child: ChildProcess): Promise<void> {
    const closed = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    await closed;
  }

  async function signIn(address: string, password: string): Promise<Response> {
    return fetch(`${address}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: address },
      body: JSON.stringify({ email: ADMIN_EMAIL, password }),
    });
  }

  async function expectSignedInAsAdmin(address: string, password: string): Promise<void> {
    const response = await signIn(address, password);
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await fetch(`${address}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: ADMIN_EMAIL, role: "admin" });
  }

  it("prints the first admin's password once, before listening, and it signs in", async () => {
    const first = await serve();
    const passwords = passwordsIn(first.printed);
    expect(passwords).toHaveLength(1);
    expect(first.printed).toContain(`e-mail:   ${ADMIN_EMAIL}`);
    // Printed before listening, so a start that fails to listen has still shown it.
    expect(first.printed.indexOf("password:")).toBeLessThan(first.printed.indexOf("listening on"));
    await expectSignedInAsAdmin(first.address, passwords[0]!);
    await stop(first.child);
    expect(passwordsIn((await first.exited).stdout)).toEqual(passwords);

    const second = await serve();
    await expectSignedInAsAdmin(second.address, passwords[0]!);
    expect((await signIn(second.address, "not the generated password")).status).toBe(401);
    await stop(second.child);
    const again = (await second.exited).stdout;
    expect(passwordsIn(again)).toEqual([]);
    expect(again).not.toContain(passwords[0]);
  }, 60_000);

  it("still prints the password when the port is taken, so the admin it created is not locked out", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const failed = await spawnServe(taken).exited;
      expect(failed.code).not.toBe(0);
      const passwords = passwordsIn(failed.stdout);
      expect(passwords).toHaveLength(1);

      const retry = await serve();
      await expectSignedInAsAdmin(retry.address, passwords[0]!);
      await stop(retry.child);
      expect(passwordsIn((await retry.exited).stdout)).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);
});

describe("ensureFirstAdmin", () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(async () => {
    await testDb.destroy();
  });

  /**
   * On PostgreSQL, holds writes to `users` (reads pass) until every start has checked for users and
   * queued its insert, so the starts really collide; in-memory SQLite runs them one after another.
   */
  async function startTogether(count: number): Promise<(CreatedUser | null)[]> {
    const starts = () =>
      Array.from({ length: count }, () => ensureFirstAdmin(buildCtx(testDb.db), ADMIN_EMAIL));
    if (testDb.dialect === "sqlite") return Promise.all(starts());
    let all!: Promise<(CreatedUser | null)[]>;
    await testDb
      .connectAgain()
      .transaction()
      .execute(async (trx) => {
        await sql`lock table users in share mode`.execute(trx);
        let finished = 0;
        all = Promise.all(starts().map((p) => p.finally(() => (finished += 1))));
        all.catch(() => {});
        for (const deadline = Date.now() + 10_000; Date.now() < deadline && finished < count;) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from pg_locks where relation = 'users'::regclass and not granted
          `.execute(trx);
          if (rows[0]!.n >= count) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
    return all;
  }

  it("creates exactly one admin when five instances start at once", async () => {
    const results = await startTogether(5);

    const created = results.filter((r) => r !== null);
    expect(created).toHaveLength(1);
    expect(created[0]!.generatedPassword).toEqual(expect.any(String));
    const users = await testDb.db.selectFrom("users").select(["email", "role"]).execute();
    expect(users).toEqual([{ email: ADMIN_EMAIL, role: "admin" }]);
  });

  it("creates no one once a user exists", async () => {
    expect(await ensureFirstAdmin(buildCtx(testDb.db), ADMIN_EMAIL)).not.toBeNull();
    expect(await ensureFirstAdmin(buildCtx(testDb.db), "someone-else@example.com")).toBeNull();
    expect(await testDb.db.selectFrom("users").select("email").execute()).toEqual([{ email: ADMIN_EMAIL }]);
  });
});
