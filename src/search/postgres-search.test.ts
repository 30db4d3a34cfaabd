import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, testDialect, type TestDb } from "../../test/test-db.ts";
import { submitForReview } from "../process/submit-for-review.ts";
import { facetToken } from "./index-incident.ts";
import type { SearchFilters } from "./filters.ts";
import { parseSearchQuery } from "./parse-query.ts";
import { tokenStats } from "./postgres-plan.ts";
import { searchPostgres } from "./postgres-search.ts";

// The facet walk is chosen only past ~1,500 estimated matches (see postgres-plan.ts), so here both plans run
// side by side on a small library: they must find, count, rank and page the same post-mortems.
describe.runIf(testDialect === "postgres")("PostgreSQL search plans", () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb();
    const ctx = buildCtx(testDb.db);
    const months = ["2025-01-20", "2025-02-03", "2025-02-25", "2025-03-14", "2025-04-02"];
    for (let i = 0; i < 20; i++) {
      const incident = await buildIncident(ctx, {
        title: i % 3 === 0 ? `Cormorant deploy stalled ${i}` : `Cormorant outage ${i}`,
        impact: i % 2 === 0 ? "A deploy of the cormorant gateway failed" : "Cormorant replicas lagged",
        severity: i % 4 === 0 ? "P1" : "P3",
        services: [i % 5 === 0 ? "cormorant-api" : "cormorant-worker"],
        tags: i % 2 === 0 ? ["deploy"] : ["database"],
        startedAt: `${months[i % months.length]!}T${String(i).padStart(2, "0")}:00:00Z`,
      });
      if (i % 3 === 1) await submitForReview(ctx, incident.key);
    }
  });
  afterAll(() => testDb?.destroy());

  const cases: [string, SearchFilters][] = [
    ["deploy", { service: "cormorant-worker" }],
    ["cormorant", { tag: "deploy", severity: ["P1"] }],
    ["cormorant", { status: ["in_review"], tag: "database" }],
    ['"cormorant gateway"', { tag: "deploy" }],
    ["replic*", { service: "cormorant-worker" }],
    // Bounds inside a month: the date tokens cover whole months, the row's start decides.
    ["cormorant", { from: "2025-02-10T00:00:00Z", to: "2025-03-20T00:00:00Z" }],
    ["cormorant", { tag: "deploy", from: "2025-02-01T00:00:00Z" }],
    ["zyzzyva", { tag: "deploy" }],
    // Several values of one filter: any of them.
    ["cormorant", { severity: ["P1", "P3"], status: ["draft", "in_review"], tag: "database" }],
  ];

  it.each(cases)("finds, counts and ranks the same post-mortems either way: %s %j", async (q, filters) => {
    const clauses = parseSearchQuery(q);
    const run = (plan: "planner" | "facet-walk", limit: number, offset: number) =>
      searchPostgres(testDb.db, clauses, filters, limit, offset, plan);
    const planner = await run("planner", 50, 0);
    const walk = await run("facet-walk", 50, 0);
    expect(walk).toEqual(planner);
    if (q !== "zyzzyva") expect(planner.total).toBeGreaterThan(0);
    // Paged, the same slice; past the last hit, no rows and the same count.
    expect(await run("facet-walk", 3, 2)).toEqual(await run("planner", 3, 2));
    const past = await run("facet-walk", 3, 40);
    expect(past).toEqual({ ...planner, rows: [] });
  });

  it("keeps a post-mortem outside bounds that fall inside a month out of the facet walk", async () => {
    const filters = { from: "2025-02-10T00:00:00Z", to: "2025-03-01T00:00:00Z" };
    const walk = await searchPostgres(testDb.db, parseSearchQuery("cormorant"), filters, 50, 0, "facet-walk");
    // Only the incidents started on 2025-02-25 (i % 5 === 2): 4 of the 20.
    expect(walk.rows.map((row) => row.startedAt).sort()).toEqual([
      "2025-02-25T02:00:00Z",
      "2025-02-25T07:00:00Z",
      "2025-02-25T12:00:00Z",
      "2025-02-25T17:00:00Z",
    ]);
  });

  it("reads how often filter tokens occur from the statistics PostgreSQL keeps", async () => {
    const fresh = await createTestDb();
    try {
      await buildIncident(buildCtx(fresh.db), { title: "Gannet", tags: ["deploy"] });
      await buildIncident(buildCtx(fresh.db), { title: "Gannet", tags: ["network"] });
      await buildIncident(buildCtx(fresh.db), { title: "Gannet", tags: ["network"] });
      await sql`analyze search_documents`.execute(fresh.db);
      const stats = await tokenStats(fresh.db);
      expect(stats?.documents).toBe(3);
      expect(stats?.frequencies.get(facetToken("tag", "network"))).toBeCloseTo(2 / 3);
      expect(stats?.frequencies.get("gannet")).toBe(1);
      // A word not among them counts as half the rarest, at most 0.5% (the planner's default).
      expect(stats?.floor).toBe(0.005);
    } finally {
      await fresh.destroy();
    }
  });
});
