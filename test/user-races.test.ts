import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../src/shared/errors.ts";
import { createUser, updateUser } from "../src/users/manage-users.ts";
import { buildCtx } from "./factories.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

let testDb: TestDb;
beforeEach(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  await testDb.destroy();
});

/**
 * Runs the contenders so that on PostgreSQL they all reach their first write to `users` before any
 * of them may make it: writes wait behind a SHARE lock (reads pass) until `waiters` are queued. That
 * makes the read-check-then-write race happen every time instead of now and then. In-memory SQLite
 * has one connection, so there the contenders simply run one after another.
 */
async function raceToWriteUsers<T>(
  waiters: number,
  contenders: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  if (testDb.dialect === "sqlite") return Promise.allSettled(contenders());
  const holder = testDb.connectAgain();
  let settled!: Promise<PromiseSettledResult<T>[]>;
  await holder.transaction().execute(async (trx) => {
    await sql`lock table users in share mode`.execute(trx);
    let finished = 0;
    const running = contenders().map((p) => p.finally(() => (finished += 1)));
    settled = Promise.allSettled(running);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && finished < running.length;) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_locks where relation = 'users'::regclass and not granted
      `.execute(trx);
      if (rows[0]!.n >= waiters) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return settled;
}

function failures<T>(results: PromiseSettledResult<T>[]): unknown[] {
  return results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
}

describe("createUser", () => {
  it("lets exactly one of eight simultaneous sign-ups with one e-mail through; the rest conflict on email", async () => {
    const results = await raceToWriteUsers(5, () =>
      Array.from({ length: 8 }, (_, i) =>
        createUser(buildCtx(testDb.db), {
          email: i % 2 ? "Sam@Example.com" : "sam@example.com",
          name: `Sam ${i}`,
          role: "editor",
          password: "correct horse battery staple",
        }),
      ),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const errors = failures(results);
    expect(errors).toHaveLength(7);
    for (const error of errors) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "CONFLICT", errors: [{ path: "email" }] });
    }
    const users = await testDb.db.selectFrom("users").select("email").execute();
    expect(users).toEqual([{ email: "sam@example.com" }]);
  });
});

describe("updateUser", () => {
  async function admin(name: string) {
    const { user } = await createUser(buildCtx(testDb.db), {
      email: `${name.toLowerCase()}@example.com`,
      name,
      role: "admin",
      password: "correct horse battery staple",
    });
    return user;
  }

  it("keeps an admin when the only two admins demote each other at the same time", async () => {
    const ana = await admin("Ana");
    const ben = await admin("Ben");

    const results = await raceToWriteUsers(2, () => [
      updateUser(buildCtx(testDb.db), ben.id, { role: "editor" }),
      updateUser(buildCtx(testDb.db), ana.id, { role: "viewer" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [error] = failures(results);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "CONFLICT", errors: [{ path: "role" }] });
    const admins = await testDb.db.selectFrom("users").select("id").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });

  it("refuses to demote the last admin", async () => {
    const ana = await admin("Ana");

    await expect(updateUser(buildCtx(testDb.db), ana.id, { role: "editor" })).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "role" }],
    });
    const row = await testDb.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", ana.id)
      .executeTakeFirst();
    expect(row).toEqual({ role: "admin" });
  });
});
