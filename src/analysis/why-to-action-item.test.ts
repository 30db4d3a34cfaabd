import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { listIncidentActionItems } from "../actions/action-item.repository.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { addWhy } from "./add-why.ts";
import { getWhyNodeOrThrow } from "./five-whys.repository.ts";
import { turnWhyIntoActionItem } from "./why-to-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(() => testDb.destroy());

async function postmortemIdOf(key: string) {
  return (await getPostmortemRefOrThrow(testDb.db, key)).postmortemId;
}

async function itemTitlesOf(key: string) {
  const page = await listIncidentActionItems(testDb.db, ctx.clock, await postmortemIdOf(key), { limit: 50 });
  return page.items.map((i) => i.title);
}

async function buildChain() {
  const incident = await buildIncident(ctx);
  const root = await addWhy(ctx, incident.key, { parentId: null, text: "Checkout failed" });
  const leaf = await addWhy(ctx, incident.key, { parentId: root.id, text: "Deploys skip the load test" });
  return { key: incident.key, root, leaf };
}

describe("turnWhyIntoActionItem", () => {
  it("makes a leaf into an action item titled with its text, linked both ways", async () => {
    const t = await buildChain();
    await createActionItem(ctx, t.key, { title: "Written by hand" });
    const item = await turnWhyIntoActionItem(ctx, t.key, t.leaf.id, {});
    expect(item).toMatchObject({
      incidentKey: t.key,
      title: "Deploys skip the load test",
      whyNodeId: t.leaf.id,
      status: "open",
      type: "prevent",
      priority: "medium",
    });
    expect(await itemTitlesOf(t.key)).toEqual(["Written by hand", "Deploys skip the load test"]);
    const node = await getWhyNodeOrThrow(testDb.db, await postmortemIdOf(t.key), t.leaf.id);
    expect(node).toMatchObject({ actionItemId: item.id, text: "Deploys skip the load test" });
    expect(node.version).toBe(t.leaf.version + 1);
  });

  it("takes a title and the other action item fields", async () => {
    const t = await buildChain();
    const item = await turnWhyIntoActionItem(ctx, t.key, t.leaf.id, {
      title: "Run the load test in the deploy pipeline",
      owner: "Priya",
      dueDate: "2026-04-10",
      type: "process",
      priority: "high",
    });
    expect(item).toMatchObject({
      title: "Run the load test in the deploy pipeline",
      owner: "Priya",
      dueDate: "2026-04-10",
      type: "process",
      priority: "high",
      whyNodeId: t.leaf.id,
    });
  });

  it("refuses a why that has answers below it", async () => {
    const t = await buildChain();
    await expect(turnWhyIntoActionItem(ctx, t.key, t.root.id, {})).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await itemTitlesOf(t.key)).toEqual([]);
  });

  it("refuses a leaf that already became an action item", async () => {
    const t = await buildChain();
    await turnWhyIntoActionItem(ctx, t.key, t.leaf.id, {});
    await expect(turnWhyIntoActionItem(ctx, t.key, t.leaf.id, { title: "Again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await itemTitlesOf(t.key)).toEqual(["Deploys skip the load test"]);
  });

  it("asks for a title when the why's text is too long to be one", async () => {
    const t = await buildChain();
    const long = await addWhy(ctx, t.key, { parentId: t.leaf.id, text: "x".repeat(400) });
    await expect(turnWhyIntoActionItem(ctx, t.key, long.id, {})).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "title" })],
    });
    const item = await turnWhyIntoActionItem(ctx, t.key, long.id, { title: "Shorter" });
    expect(item.title).toBe("Shorter");
  });

  it.each([
    [{ owner: "" }, "owner"],
    [{ externalUrl: "file:///etc/passwd" }, "externalUrl"],
    [{ whyNodeId: 3 }, "whyNodeId"],
  ])("refuses %j, naming %s, creating nothing", async (raw, path) => {
    const t = await buildChain();
    await expect(turnWhyIntoActionItem(ctx, t.key, t.leaf.id, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
    expect(await itemTitlesOf(t.key)).toEqual([]);
  });

  it("does not find a why of another post-mortem", async () => {
    const t = await buildChain();
    const other = await buildChain();
    await expect(turnWhyIntoActionItem(ctx, t.key, other.leaf.id, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await itemTitlesOf(other.key)).toEqual([]);
  });
});
