import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { listActionItems } from "./action-item.repository.ts";
import { ActionItemListQuery } from "./action-item.ts";
import { countActionItemsByService } from "./count-action-items-by-service.ts";
import { createActionItem } from "./create-action-item.ts";
import { updateActionItem } from "./update-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeEach(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-18T16:00:00Z") });
});
afterEach(() => testDb.destroy());

async function itemWith(
  key: string,
  title: string,
  fields: { dueDate?: string; status?: "in_progress" | "done" | "wont_do" } = {},
) {
  const item = await createActionItem(ctx, key, { title, dueDate: fields.dueDate });
  if (fields.status === "wont_do") {
    await updateActionItem(ctx, item.id, { status: "wont_do", wontDoReason: "Superseded" });
  } else if (fields.status) {
    await updateActionItem(ctx, item.id, { status: fields.status });
  }
  return item;
}

describe("countActionItemsByService", () => {
  it("counts open, overdue (by the clock's UTC date) and done items per service", async () => {
    const checkout = await buildIncident(ctx, { services: ["checkout-api"] });
    await itemWith(checkout.key, "late", { dueDate: "2026-03-17" });
    await itemWith(checkout.key, "started late", { dueDate: "2026-03-01", status: "in_progress" });
    await itemWith(checkout.key, "due today", { dueDate: "2026-03-18" });
    await itemWith(checkout.key, "undated");
    await itemWith(checkout.key, "finished late", { dueDate: "2026-03-01", status: "done" });
    await itemWith(checkout.key, "dropped", { dueDate: "2026-03-01", status: "wont_do" });

    expect(await countActionItemsByService(ctx)).toEqual({
      items: [{ service: "checkout-api", open: 4, overdue: 2, done: 1 }],
    });
    ctx = { ...ctx, clock: fixedClock("2026-03-19T00:00:01Z") };
    expect((await countActionItemsByService(ctx)).items[0]).toMatchObject({ open: 4, overdue: 3 });
  });

  it("counts an item once for each service of its incident", async () => {
    const both = await buildIncident(ctx, { services: ["payments", "checkout-api"] });
    await itemWith(both.key, "shared", { dueDate: "2026-03-01" });
    const counts = await countActionItemsByService(ctx);
    expect(counts.items).toEqual([
      { service: "checkout-api", open: 1, overdue: 1, done: 0 },
      { service: "payments", open: 1, overdue: 1, done: 0 },
    ]);
  });

  it("puts the most overdue first, then the most open, then names in order", async () => {
    const services = ["b-search", "a-search", "c-billing", "d-idle"];
    const keys: Record<string, string> = {};
    for (const service of services) keys[service] = (await buildIncident(ctx, { services: [service] })).key;
    await itemWith(keys["c-billing"]!, "late", { dueDate: "2026-03-01" });
    for (const service of ["a-search", "b-search"]) {
      await itemWith(keys[service]!, "open one");
      await itemWith(keys[service]!, "open two");
    }
    await itemWith(keys["d-idle"]!, "done", { status: "done" });
    const counts = await countActionItemsByService(ctx);
    expect(counts.items.map((c) => c.service)).toEqual(["c-billing", "a-search", "b-search", "d-idle"]);
  });

  it("leaves out services without action items and items whose incident has no service", async () => {
    await buildIncident(ctx, { services: ["quiet-service"] });
    const unlabelled = await buildIncident(ctx, { services: [] });
    await itemWith(unlabelled.key, "nobody's");
    expect(await countActionItemsByService(ctx)).toEqual({ items: [] });
  });
});

describe("listActionItems by service", () => {
  const list = (query: Record<string, string>) =>
    listActionItems(testDb.db, ctx.clock, ActionItemListQuery.parse(query));

  it("lists the items whose incident has the service, exactly, with the other filters still applying", async () => {
    const checkout = await buildIncident(ctx, { services: ["checkout-api", "payments"] });
    const search = await buildIncident(ctx, { services: ["search"] });
    const prefixed = await buildIncident(ctx, { services: ["checkout-api-v2"] });
    await itemWith(checkout.key, "checkout's");
    await itemWith(checkout.key, "checkout's, done", { status: "done" });
    await itemWith(search.key, "search's");
    await itemWith(prefixed.key, "v2's");

    expect((await list({ service: " checkout-api " })).items.map((i) => i.title)).toEqual([
      "checkout's",
      "checkout's, done",
    ]);
    expect((await list({ service: "payments", status: "done" })).items.map((i) => i.title)).toEqual([
      "checkout's, done",
    ]);
    expect((await list({ service: "Checkout-API" })).items).toEqual([]);
  });

  it("refuses an empty or over-long service, naming it", () => {
    for (const service of ["  ", "x".repeat(101)]) {
      const result = ActionItemListQuery.safeParse({ service });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["service"]);
    }
  });
});
