import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { getIncidentOrThrow } from "./incident.repository.ts";
import { updateIncident } from "./update-incident.ts";

const NOW = "2026-03-18T16:00:00Z";
const clock = fixedClock(NOW);
let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock });
});
afterAll(() => testDb.destroy());
afterEach(() => clock.set(NOW));

function fieldError(path: string, code = "VALIDATION") {
  return { code, errors: expect.arrayContaining([expect.objectContaining({ path })]) };
}

describe("updateIncident", () => {
  it("changes only the given fields, bumps the version and stamps updatedAt", async () => {
    const incident = await buildIncident(ctx, { severity: "P3", impact: "Slow search" });
    clock.set("2026-03-18T16:20:00Z");
    const updated = await updateIncident(ctx, incident.key, { severity: "P1", customerImpact: true });
    expect(updated).toEqual({
      ...incident,
      severity: "P1",
      customerImpact: true,
      version: incident.version + 1,
      updatedAt: "2026-03-18T16:20:00Z",
    });
    expect(await getIncidentOrThrow(testDb.db, incident.key)).toEqual(updated);
  });

  it("replaces services and tags, once each and sorted, and keeps them when omitted", async () => {
    const incident = await buildIncident(ctx, { services: ["checkout-api"], tags: ["payments"] });
    const relabelled = await updateIncident(ctx, incident.key, { services: ["web", "db", "web"] });
    expect(relabelled.services).toEqual(["db", "web"]);
    expect(relabelled.tags).toEqual(["payments"]);
    const retitled = await updateIncident(ctx, incident.key, { title: "Checkout and web down" });
    expect(retitled.services).toEqual(["db", "web"]);
  });

  it("clears detectedAt when given null", async () => {
    const incident = await buildIncident(ctx, { detectedAt: "2026-03-18T14:10:00Z" });
    expect((await updateIncident(ctx, incident.key, { detectedAt: null })).detectedAt).toBeNull();
  });

  it("stamps mitigatedAt and then resolvedAt with the clock as the status moves forward", async () => {
    const incident = await buildIncident(ctx);
    clock.set("2026-03-18T16:30:00Z");
    const mitigated = await updateIncident(ctx, incident.key, { status: "mitigated" });
    expect(mitigated).toMatchObject({
      status: "mitigated",
      mitigatedAt: "2026-03-18T16:30:00Z",
      resolvedAt: null,
    });
    clock.set("2026-03-18T17:45:00Z");
    const resolved = await updateIncident(ctx, incident.key, { status: "resolved" });
    expect(resolved).toMatchObject({
      status: "resolved",
      mitigatedAt: "2026-03-18T16:30:00Z",
      resolvedAt: "2026-03-18T17:45:00Z",
    });
  });

  it("stamps both times when an open incident is resolved at once, and keeps times the caller gives", async () => {
    const direct = await buildIncident(ctx);
    expect(await updateIncident(ctx, direct.key, { status: "resolved" })).toMatchObject({
      mitigatedAt: NOW,
      resolvedAt: NOW,
    });
    const given = await buildIncident(ctx);
    expect(
      await updateIncident(ctx, given.key, { status: "mitigated", mitigatedAt: "2026-03-18T15:10:00Z" }),
    ).toMatchObject({ mitigatedAt: "2026-03-18T15:10:00Z" });
  });

  it("never moves the status back, and changes nothing when asked to", async () => {
    const incident = await buildIncident(ctx, { status: "resolved" });
    for (const status of ["mitigated", "open"] as const) {
      await expect(updateIncident(ctx, incident.key, { status, title: "Reopened" })).rejects.toMatchObject(
        fieldError("status", "CONFLICT"),
      );
    }
    expect(await getIncidentOrThrow(testDb.db, incident.key)).toEqual(incident);
    const same = await updateIncident(ctx, incident.key, { status: "resolved" });
    expect(same.resolvedAt).toBe(incident.resolvedAt);
  });

  it("refuses a stale expected version with PRECONDITION_FAILED and changes nothing", async () => {
    const incident = await buildIncident(ctx, { services: ["checkout-api"] });
    const first = await updateIncident(ctx, incident.key, { title: "First edit" }, incident.version);
    await expect(
      updateIncident(
        ctx,
        incident.key,
        { title: "Second edit", services: ["db"], status: "mitigated" },
        incident.version,
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await getIncidentOrThrow(testDb.db, incident.key)).toEqual(first);
  });

  it("applies a write based on the current version, or on no version at all", async () => {
    const incident = await buildIncident(ctx);
    const checked = await updateIncident(ctx, incident.key, { title: "Checked" }, incident.version);
    expect(checked.version).toBe(incident.version + 1);
    const unchecked = await updateIncident(ctx, incident.key, { title: "Unchecked" });
    expect(unchecked).toMatchObject({ title: "Unchecked", version: incident.version + 2 });
  });

  it("refuses times that contradict each other or lie in the future, changing nothing", async () => {
    const incident = await buildIncident(ctx, {
      startedAt: "2026-03-18T14:00:00Z",
      detectedAt: "2026-03-18T14:05:00Z",
    });
    await expect(
      updateIncident(ctx, incident.key, { detectedAt: "2026-03-18T13:00:00Z" }),
    ).rejects.toMatchObject(fieldError("detectedAt"));
    await expect(
      updateIncident(ctx, incident.key, { startedAt: "2026-03-18T14:30:00Z" }),
    ).rejects.toMatchObject(fieldError("detectedAt"));
    await expect(
      updateIncident(ctx, incident.key, { status: "resolved", resolvedAt: "2026-03-18T13:59:00Z" }),
    ).rejects.toMatchObject(fieldError("resolvedAt"));
    await expect(
      updateIncident(ctx, incident.key, { startedAt: "2026-03-19T09:00:00Z" }),
    ).rejects.toMatchObject(fieldError("startedAt"));
    await expect(
      updateIncident(ctx, incident.key, { mitigatedAt: "2026-03-18T15:00:00Z" }),
    ).rejects.toMatchObject(fieldError("mitigatedAt"));
    expect(await getIncidentOrThrow(testDb.db, incident.key)).toEqual(incident);
  });

  it("refuses unknown fields and bad values, naming them", async () => {
    const incident = await buildIncident(ctx);
    await expect(updateIncident(ctx, incident.key, { owner: "sam" } as never)).rejects.toMatchObject(
      fieldError("owner"),
    );
    await expect(updateIncident(ctx, incident.key, { severity: "P0" } as never)).rejects.toMatchObject(
      fieldError("severity"),
    );
    await expect(
      updateIncident(ctx, incident.key, { detectedAt: "2026-03-18T15:02:00+01:00" }),
    ).rejects.toMatchObject(fieldError("detectedAt"));
    expect(await getIncidentOrThrow(testDb.db, incident.key)).toEqual(incident);
  });

  it("reports an unknown incident as NOT_FOUND", async () => {
    await expect(updateIncident(ctx, "INC-987654", { title: "Nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(updateIncident(ctx, "not-a-key", { title: "Nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
