import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildIncidentInput, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { createIncident } from "./create-incident.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-18T16:00:00.789Z") });
});
afterAll(() => testDb.destroy());

async function countRows(table: "incidents" | "postmortems" | "incidentLabels"): Promise<number> {
  const row = await testDb.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function fieldError(path: string, code = "VALIDATION") {
  return { code, errors: expect.arrayContaining([expect.objectContaining({ path })]) };
}

describe("createIncident", () => {
  it("hands out keys INC-1, INC-2, INC-3 in creation order", async () => {
    const keys = [];
    for (let i = 0; i < 3; i += 1) keys.push((await buildIncident(ctx)).key);
    expect(keys).toEqual(["INC-1", "INC-2", "INC-3"]);
  });

  it("leaves no gap in the keys when a creation is refused", async () => {
    const before = await buildIncident(ctx);
    await expect(buildIncident(ctx, { detectedAt: "2026-03-18T10:00:00Z" })).rejects.toMatchObject(
      fieldError("detectedAt"),
    );
    const after = await buildIncident(ctx);
    expect(Number(after.key.slice(4))).toBe(Number(before.key.slice(4)) + 1);
  });

  it("opens a draft post-mortem alongside the incident", async () => {
    const incident = await buildIncident(ctx);
    const postmortem = await testDb.db
      .selectFrom("postmortems")
      .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
      .select(["postmortems.status", "postmortems.version"])
      .where("incidents.number", "=", Number(incident.key.slice(4)))
      .execute();
    expect(postmortem).toEqual([{ status: "draft", version: 1 }]);
  });

  it("stores each service and tag once, sorted", async () => {
    const incident = await buildIncident(ctx, {
      services: ["web", "checkout-api", "web", " db "],
      tags: ["network", "network", "dns"],
    });
    expect(incident.services).toEqual(["checkout-api", "db", "web"]);
    expect(incident.tags).toEqual(["dns", "network"]);
  });

  it("fills defaults: starts now (to the second), open, manual, no flags, version 1", async () => {
    const incident = await createIncident(ctx, { title: "Search is slow", severity: "P3" });
    expect(incident).toMatchObject({
      title: "Search is slow",
      severity: "P3",
      status: "open",
      startedAt: "2026-03-18T16:00:00Z",
      detectedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      impact: "",
      customerImpact: false,
      dataLoss: false,
      security: false,
      services: [],
      tags: [],
      source: "manual",
      version: 1,
      createdAt: "2026-03-18T16:00:00Z",
      updatedAt: "2026-03-18T16:00:00Z",
    });
  });

  it("records the signed-in user who opened the incident", async () => {
    const user = await buildUser(testDb.db, "editor");
    const incident = await buildIncident({ ...ctx, actor: user.actor });
    const row = await testDb.db
      .selectFrom("incidents")
      .select("createdBy")
      .where("number", "=", Number(incident.key.slice(4)))
      .executeTakeFirstOrThrow();
    expect(row.createdBy).toBe(user.id);
  });

  it("stamps mitigatedAt and resolvedAt with now when created already mitigated or resolved", async () => {
    const mitigated = await buildIncident(ctx, { status: "mitigated" });
    expect(mitigated).toMatchObject({ mitigatedAt: "2026-03-18T16:00:00Z", resolvedAt: null });
    const resolved = await buildIncident(ctx, { status: "resolved" });
    expect(resolved).toMatchObject({
      mitigatedAt: "2026-03-18T16:00:00Z",
      resolvedAt: "2026-03-18T16:00:00Z",
    });
    const given = await buildIncident(ctx, { status: "resolved", resolvedAt: "2026-03-18T15:00:00Z" });
    expect(given).toMatchObject({ mitigatedAt: "2026-03-18T15:00:00Z", resolvedAt: "2026-03-18T15:00:00Z" });
  });

  it("refuses times in the future, but tolerates a clock a minute ahead", async () => {
    await expect(buildIncident(ctx, { startedAt: "2026-03-18T16:30:00Z" })).rejects.toMatchObject(
      fieldError("startedAt"),
    );
    await expect(buildIncident(ctx, { detectedAt: "2026-03-19T09:00:00Z" })).rejects.toMatchObject(
      fieldError("detectedAt"),
    );
    const slightlyAhead = await buildIncident(ctx, { startedAt: "2026-03-18T16:01:00Z" });
    expect(slightlyAhead.startedAt).toBe("2026-03-18T16:01:00Z");
  });

  it("refuses times out of order, naming the later field", async () => {
    await expect(
      buildIncident(ctx, { startedAt: "2026-03-18T14:00:00Z", detectedAt: "2026-03-18T13:00:00Z" }),
    ).rejects.toMatchObject(fieldError("detectedAt"));
    await expect(
      buildIncident(ctx, {
        status: "resolved",
        startedAt: "2026-03-18T14:00:00Z",
        mitigatedAt: "2026-03-18T15:00:00Z",
        resolvedAt: "2026-03-18T14:30:00Z",
      }),
    ).rejects.toMatchObject(fieldError("resolvedAt"));
  });

  it("refuses a mitigation or resolution time that runs ahead of the status", async () => {
    await expect(buildIncident(ctx, { mitigatedAt: "2026-03-18T15:00:00Z" })).rejects.toMatchObject(
      fieldError("mitigatedAt"),
    );
    await expect(
      buildIncident(ctx, { status: "mitigated", resolvedAt: "2026-03-18T15:00:00Z" }),
    ).rejects.toMatchObject(fieldError("resolvedAt"));
  });

  it("refuses non-UTC or impossible timestamps and unknown fields, naming them", async () => {
    for (const startedAt of ["2026-03-18T15:02:00+01:00", "2026-03-18T14:02:00", "2026-02-30T10:00:00Z"]) {
      await expect(buildIncident(ctx, { startedAt })).rejects.toMatchObject(fieldError("startedAt"));
    }
    await expect(
      createIncident(ctx, { ...buildIncidentInput(), assignee: "sam" } as never),
    ).rejects.toMatchObject(fieldError("assignee"));
  });

  it("writes nothing at all when refused", async () => {
    const before = await Promise.all([
      countRows("incidents"),
      countRows("postmortems"),
      countRows("incidentLabels"),
    ]);
    await expect(
      buildIncident(ctx, {
        services: ["a", "b"],
        startedAt: "2026-03-18T14:00:00Z",
        detectedAt: "2026-03-18T09:00:00Z",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(buildIncident(ctx, { title: "" })).rejects.toMatchObject(fieldError("title"));
    const after = await Promise.all([
      countRows("incidents"),
      countRows("postmortems"),
      countRows("incidentLabels"),
    ]);
    expect(after).toEqual(before);
  });
});
