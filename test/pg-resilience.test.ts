import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, type Db } from "../src/db/connect.ts";
import { buildApp, type App } from "../src/server/app.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { buildIncident, buildCtx, buildUser, type TestUser } from "./factories.ts";
import { createTestDb, testDialect, type TestDb } from "./test-db.ts";

// The app gets a pool of its own, tagged with an application_name no other suite uses, so the test
// terminates this app's connections and nobody else's.
describe.skipIf(testDialect !== "postgres")("the app when PostgreSQL drops its connections", () => {
  const applicationName = `hindsight_resilience_${randomBytes(4).toString("hex")}`;
  let testDb: TestDb;
  let db: Db;
  let app: App;
  let viewer: TestUser;

  beforeAll(async () => {
    testDb = await createTestDb();
    const { rows } = await sql<{ searchPath: string }>`show search_path`.execute(testDb.db);
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", applicationName);
    db = connect({ dialect: "postgres", url: url.href, searchPath: rows[0]!.searchPath, poolSize: 5 });
    const clock = fixedClock("2026-03-18T16:00:00Z");
    app = await buildApp({ db, clock });
    viewer = await buildUser(db, "viewer", clock);
    await buildIncident(buildCtx(db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await testDb?.destroy();
  });
  afterEach(() => vi.restoreAllMocks());

  /** Terminates every backend of this app's pool, from a connection of its own; returns how many. */
  async function terminateAppConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `select pg_terminate_backend(pid) as terminated from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and application_name = $1`,
        [applicationName],
      );
      return rows.filter((r: { terminated: boolean }) => r.terminated).length;
    } finally {
      await admin.end();
    }
  }

  const healthz = () => app.inject({ method: "GET", url: "/healthz" });
  const listIncidents = () =>
    app.inject({
      method: "GET",
      url: "/api/v1/incidents",
      headers: { authorization: `Bearer ${viewer.token}` },
    });

  it("survives losing an idle connection and answers /healthz with 200 again", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect((await healthz()).statusCode).toBe(200);

    expect(await terminateAppConnections()).toBeGreaterThanOrEqual(1);
    await vi.waitFor(
      () => expect(warn).toHaveBeenCalledWith(expect.stringContaining("connection was lost")),
      {
        timeout: 5_000,
      },
    );

    const health = await healthz();
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("serves reads again after every connection of its pool was dropped", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = await Promise.all([listIncidents(), listIncidents(), listIncidents()]);
    for (const response of before) expect(response.statusCode, response.body).toBe(200);

    const terminated = await terminateAppConnections();
    expect(terminated).toBeGreaterThanOrEqual(1);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(terminated), { timeout: 5_000 });

    const after = await listIncidents();
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().items).toHaveLength(1);
    expect((await healthz()).statusCode).toBe(200);
  });
});
