import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/connect.ts";
import { migrateDown, migrateToLatest, pendingMigrations } from "../src/db/migrate.ts";
import { migrations } from "../src/db/migrations/index.ts";
import { buildCtx, buildIncident } from "./factories.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

// Every table the app reads or writes (src/db/database.ts), by its column-side name.
const APP_TABLES = [
  "users",
  "sessions",
  "api_tokens",
  "counters",
  "incidents",
  "incident_labels",
  "timeline_entries",
  "postmortems",
  "contributing_factors",
  "lessons",
  "appendix_links",
  "why_nodes",
  "meetings",
  "meeting_attendees",
  "checklist_ticks",
  "action_items",
  "external_versions",
  "redaction_dismissals",
  "external_publications",
  "search_documents",
];
const NAMES = Object.keys(migrations);

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb({ migrate: false });
});
afterAll(() => testDb.destroy());

/** Tables in this database (on PostgreSQL: in this test's own schema), without Kysely's bookkeeping. */
async function tables(db: Db): Promise<string[]> {
  const plain = db.withoutPlugins();
  const found =
    testDb.dialect === "postgres"
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema()`.execute(plain)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(plain);
  return found.rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith("kysely_") && !name.startsWith("sqlite_"))
    .sort();
}

async function roundTripRows(db: Db): Promise<void> {
  const user = await db
    .insertInto("users")
    .values({
      email: "migrations@example.com",
      name: "Migrations",
      role: "viewer",
      passwordHash: null,
      createdAt: "2026-03-18T16:00:00Z",
      updatedAt: "2026-03-18T16:00:00Z",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const back = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();
  expect(back.email).toBe("migrations@example.com");
}

describe("migrations", () => {
  it("migrates an empty database up to the latest schema, every migration in order", async () => {
    expect(await tables(testDb.db)).toEqual([]);
    expect(await pendingMigrations(testDb.db)).toEqual(NAMES);
    const report = await migrateToLatest(testDb.db);
    expect(report.applied).toEqual(NAMES);
    expect(await pendingMigrations(testDb.db)).toEqual([]);
    expect(await tables(testDb.db)).toEqual(expect.arrayContaining(APP_TABLES));
    for (const table of APP_TABLES) {
      await sql`select count(*) from ${sql.table(table)}`.execute(testDb.db);
    }
    await roundTripRows(testDb.db);
    const incident = await buildIncident(buildCtx(testDb.db));
    expect(incident.key).toBe("INC-1");
  });

  it("is a no-op when run again at the latest version", async () => {
    expect((await migrateToLatest(testDb.db)).applied).toEqual([]);
  });

  it("migrates down one step at a time until nothing is applied and no table is left", async () => {
    for (const name of [...NAMES].reverse()) {
      const report = await migrateDown(testDb.db);
      expect(report.applied).toEqual([name]);
      expect((await pendingMigrations(testDb.db)).at(0)).toBe(name);
    }
    expect((await migrateDown(testDb.db)).applied).toEqual([]);
    expect(await pendingMigrations(testDb.db)).toEqual(NAMES);
    expect(await tables(testDb.db)).toEqual([]);
    await expect(testDb.db.selectFrom("incidents").selectAll().execute()).rejects.toThrow();
  });

  it("migrates up again and the app works on the rebuilt schema", async () => {
    expect((await migrateToLatest(testDb.db)).applied).toEqual(NAMES);
    expect(await tables(testDb.db)).toEqual(expect.arrayContaining(APP_TABLES));
    await roundTripRows(testDb.db);
    const ctx = buildCtx(testDb.db);
    const first = await buildIncident(ctx, { services: ["checkout-api"] });
    const second = await buildIncident(ctx);
    expect([first.key, second.key]).toEqual(["INC-1", "INC-2"]);
    expect(first.services).toEqual(["checkout-api"]);
    const postmortems = await testDb.db.selectFrom("postmortems").select("status").execute();
    expect(postmortems).toEqual([{ status: "draft" }, { status: "draft" }]);
  });
});
