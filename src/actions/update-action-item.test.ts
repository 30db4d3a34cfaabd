import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { getActionItemOrThrow } from "./action-item.repository.ts";
import type { ActionItem, CreateActionItemInput } from "./action-item.ts";
import { createActionItem } from "./create-action-item.ts";
import { updateActionItem } from "./update-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  testDb = await createTestDb();
  clock = fixedClock("2026-03-18T16:00:00Z");
  ctx = buildCtx(testDb.db, { clock });
});
afterAll(() => testDb.destroy());

async function buildItem(overrides: Partial<CreateActionItemInput> = {}): Promise<ActionItem> {
  clock.set("2026-03-18T16:00:00Z");
  const incident = await buildIncident(ctx);
  return createActionItem(ctx, incident.key, {
    title: "Add a canary stage to checkout deploys",
    ...overrides,
  });
}

const reread = (item: ActionItem) => getActionItemOrThrow(testDb.db, clock, item.id);

describe("updateActionItem", () => {
  it("edits fields and bumps the version", async () => {
    const item = await buildItem();
    clock.set("2026-03-19T09:00:00Z");
    const updated = await updateActionItem(ctx, item.id, {
      title: "Canary every checkout deploy",
      owner: "Sam Okafor",
      dueDate: "2026-04-15",
      type: "mitigate",
      priority: "high",
      externalUrl: "https://acme.atlassian.net/browse/OPS-7",
    });
    expect(updated).toMatchObject({
      title: "Canary every checkout deploy",
      owner: "Sam Okafor",
      dueDate: "2026-04-15",
      type: "mitigate",
      priority: "high",
      externalUrl: "https://acme.atlassian.net/browse/OPS-7",
      version: 2,
      createdAt: "2026-03-18T16:00:00Z",
      updatedAt: "2026-03-19T09:00:00Z",
    });
    expect(await reread(item)).toEqual(updated);
  });

  it("clears owner, due date and link with null", async () => {
    const item = await buildItem({
      owner: "Sam",
      dueDate: "2026-04-01",
      externalUrl: "https://example.com/1",
    });
    const updated = await updateActionItem(ctx, item.id, { owner: null, dueDate: null, externalUrl: null });
    expect(updated).toMatchObject({ owner: null, dueDate: null, externalUrl: null, title: item.title });
  });

  it("stamps completedAt when done, keeps it on later edits, and clears it when reopened", async () => {
    const item = await buildItem({ dueDate: "2026-03-01" });
    expect(item.overdue).toBe(true);
    clock.set("2026-03-20T10:30:00Z");
    const done = await updateActionItem(ctx, item.id, { status: "done" });
    expect(done).toMatchObject({ status: "done", completedAt: "2026-03-20T10:30:00Z", overdue: false });
    clock.set("2026-03-21T08:00:00Z");
    const retitled = await updateActionItem(ctx, item.id, { title: "Canary stage", status: "done" });
    expect(retitled.completedAt).toBe("2026-03-20T10:30:00Z");
    const reopened = await updateActionItem(ctx, item.id, { status: "in_progress" });
    expect(reopened).toMatchObject({ status: "in_progress", completedAt: null, overdue: true });
  });

  it("needs a reason to mark an item won't do, and keeps it while it stays so", async () => {
    const item = await buildItem();
    const wontDo = await updateActionItem(ctx, item.id, {
      status: "wont_do",
      wontDoReason: " The service is being retired in April ",
    });
    expect(wontDo).toMatchObject({
      status: "wont_do",
      wontDoReason: "The service is being retired in April",
    });
    const retitled = await updateActionItem(ctx, item.id, { title: "Canary (retired)" });
    expect(retitled.wontDoReason).toBe("The service is being retired in April");
  });

  it.each([
    [{ status: "wont_do" }],
    [{ status: "wont_do", wontDoReason: "   " }],
    [{ status: "wont_do", wontDoReason: null }],
  ])("refuses %j without a reason, changing nothing", async (raw) => {
    const item = await buildItem();
    await expect(updateActionItem(ctx, item.id, { title: "Changed", ...raw } as never)).rejects.toMatchObject(
      {
        code: "VALIDATION",
        errors: [{ path: "wontDoReason", message: expect.any(String) }],
      },
    );
    expect(await reread(item)).toEqual(item);
  });

  it("refuses to drop the reason of an item that stays won't do", async () => {
    const item = await buildItem();
    await updateActionItem(ctx, item.id, { status: "wont_do", wontDoReason: "Covered by OPS-12" });
    await expect(updateActionItem(ctx, item.id, { wontDoReason: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "wontDoReason" })],
    });
    expect((await reread(item)).wontDoReason).toBe("Covered by OPS-12");
  });

  it("clears the reason when the item leaves won't do", async () => {
    const item = await buildItem();
    await updateActionItem(ctx, item.id, { status: "wont_do", wontDoReason: "Covered by OPS-12" });
    const reopened = await updateActionItem(ctx, item.id, { status: "open" });
    expect(reopened).toMatchObject({ status: "open", wontDoReason: null });
  });

  it("refuses a reason for an item that is not won't do", async () => {
    const item = await buildItem();
    await expect(updateActionItem(ctx, item.id, { wontDoReason: "Not needed" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "wontDoReason" })],
    });
  });

  it("refuses a stale version and changes nothing", async () => {
    const item = await buildItem();
    await updateActionItem(ctx, item.id, { owner: "Sam" }, 1);
    await expect(
      updateActionItem(ctx, item.id, { title: "Lost update", status: "done" }, 1),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await reread(item)).toMatchObject({ title: item.title, owner: "Sam", status: "open", version: 2 });
  });

  it.each([
    [{ title: "" }, "title"],
    [{ status: "closed" }, "status"],
    [{ dueDate: "18/03/2026" }, "dueDate"],
    [{ externalUrl: "not a link" }, "externalUrl"],
    [{ incidentKey: "INC-1" }, "incidentKey"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const item = await buildItem();
    await expect(updateActionItem(ctx, item.id, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
  });

  it("fails for an item that does not exist", async () => {
    await expect(updateActionItem(ctx, 999_999, { title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
