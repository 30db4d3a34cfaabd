import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { listIncidentActionItems } from "./action-item.repository.ts";
import { createActionItem } from "./create-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(() => testDb.destroy());

describe("createActionItem", () => {
  it("adds an open item with the default type and priority to the incident's post-mortem", async () => {
    const incident = await buildIncident(ctx);
    const item = await createActionItem(ctx, incident.key, {
      title: "  Add a canary stage to checkout deploys ",
    });
    expect(item).toMatchObject({
      incidentKey: incident.key,
      title: "Add a canary stage to checkout deploys",
      owner: null,
      dueDate: null,
      type: "prevent",
      priority: "medium",
      status: "open",
      wontDoReason: null,
      externalUrl: null,
      completedAt: null,
      whyNodeId: null,
      overdue: false,
      version: 1,
      createdAt: "2026-03-18T16:00:00Z",
      updatedAt: "2026-03-18T16:00:00Z",
    });
  });

  it("keeps every field it is given", async () => {
    const incident = await buildIncident(ctx);
    const item = await createActionItem(ctx, incident.key, {
      title: "Alert on checkout 5xx rate",
      owner: "Priya Natarajan",
      dueDate: "2026-04-01",
      type: "detect",
      priority: "high",
      externalUrl: "https://github.com/acme/checkout/issues/812",
    });
    expect(item).toMatchObject({
      owner: "Priya Natarajan",
      dueDate: "2026-04-01",
      type: "detect",
      priority: "high",
      externalUrl: "https://github.com/acme/checkout/issues/812",
    });
  });

  it("lists items in the order they were added", async () => {
    const incident = await buildIncident(ctx);
    for (const title of ["First", "Second", "Third"]) await createActionItem(ctx, incident.key, { title });
    const page = await listIncidentActionItems(testDb.db, ctx.clock, await pmIdOf(incident.key), {
      limit: 50,
    });
    expect(page.items.map((i) => i.title)).toEqual(["First", "Second", "Third"]);
  });

  it("keeps the order of items added at the same time", async () => {
    const incident = await buildIncident(ctx);
    const titles = ["a", "b", "c", "d", "e", "f"];
    await Promise.all(titles.map((title) => createActionItem(ctx, incident.key, { title })));
    const rows = await testDb.db
      .selectFrom("actionItems")
      .select("position")
      .where("postmortemId", "=", await pmIdOf(incident.key))
      .orderBy("position")
      .execute();
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("marks an item overdue once its due date has passed in UTC", async () => {
    const incident = await buildIncident(ctx);
    const lateEvening = buildCtx(testDb.db, { clock: fixedClock("2026-03-18T23:59:59Z") });
    expect(
      (await createActionItem(lateEvening, incident.key, { title: "a", dueDate: "2026-03-18" })).overdue,
    ).toBe(false);
    expect(
      (await createActionItem(lateEvening, incident.key, { title: "b", dueDate: "2026-03-17" })).overdue,
    ).toBe(true);
  });

  it.each([
    [{ title: "   " }, "title"],
    [{ title: "x".repeat(301) }, "title"],
    [{ title: "Fix it", owner: "" }, "owner"],
    [{ title: "Fix it", dueDate: "2026-02-30" }, "dueDate"],
    [{ title: "Fix it", type: "blame" }, "type"],
    [{ title: "Fix it", priority: "urgent" }, "priority"],
    [{ title: "Fix it", externalUrl: "javascript:alert(1)" }, "externalUrl"],
    [{ title: "Fix it", externalUrl: "ftp://files.example.com/x" }, "externalUrl"],
    [{ title: "Fix it", status: "done" }, "status"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const incident = await buildIncident(ctx);
    await expect(createActionItem(ctx, incident.key, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
    const page = await listIncidentActionItems(testDb.db, ctx.clock, await pmIdOf(incident.key), {
      limit: 50,
    });
    expect(page.items).toEqual([]);
  });

  it("fails for an incident that does not exist", async () => {
    await expect(createActionItem(ctx, "INC-9999", { title: "Fix it" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

async function pmIdOf(key: string): Promise<number> {
  return (await getPostmortemRefOrThrow(testDb.db, key)).postmortemId;
}
