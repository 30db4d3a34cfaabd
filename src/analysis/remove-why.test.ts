import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getActionItemOrThrow } from "../actions/action-item.repository.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { addWhy } from "./add-why.ts";
import { editWhy } from "./edit-why.ts";
import { getWhyForest } from "./five-whys.repository.ts";
import { removeWhy } from "./remove-why.ts";
import { turnWhyIntoActionItem } from "./why-to-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(() => testDb.destroy());

async function forestOf(key: string) {
  return getWhyForest(testDb.db, (await getPostmortemRefOrThrow(testDb.db, key)).postmortemId);
}

async function buildTree() {
  const incident = await buildIncident(ctx);
  const add = (parentId: number | null, text: string) => addWhy(ctx, incident.key, { parentId, text });
  const root = await add(null, "Checkout failed");
  const a = await add(root.id, "The pool was exhausted");
  const a1 = await add(a.id, "A deploy leaked connections");
  const a2 = await add(a.id, "The pool size was never load tested");
  const b = await add(root.id, "Retries multiplied the load");
  const c = await add(root.id, "Nobody was paged");
  return { key: incident.key, root, a, a1, a2, b, c };
}

describe("removeWhy", () => {
  it("removes a why with everything below it and closes the gap among its siblings", async () => {
    const t = await buildTree();
    await removeWhy(ctx, t.key, t.a.id);
    const [root] = await forestOf(t.key);
    expect(root!.children.map((n) => [n.text, n.position])).toEqual([
      ["Retries multiplied the load", 0],
      ["Nobody was paged", 1],
    ]);
    await expect(editWhy(ctx, t.key, t.a1.id, { text: "still here?" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps action items made from removed whys, without the link", async () => {
    const t = await buildTree();
    const fromLeaf = await turnWhyIntoActionItem(ctx, t.key, t.a1.id, {});
    const fromOther = await turnWhyIntoActionItem(ctx, t.key, t.b.id, {});
    const unrelated = await createActionItem(ctx, t.key, { title: "Write the runbook" });
    await removeWhy(ctx, t.key, t.a.id);

    const kept = await getActionItemOrThrow(testDb.db, ctx.clock, fromLeaf.id);
    expect(kept).toMatchObject({ title: "A deploy leaked connections", whyNodeId: null });
    expect(kept.version).toBeGreaterThan(fromLeaf.version);
    expect(await getActionItemOrThrow(testDb.db, ctx.clock, fromOther.id)).toEqual(fromOther);
    expect(await getActionItemOrThrow(testDb.db, ctx.clock, unrelated.id)).toEqual(unrelated);
  });

  it("removes a whole analysis from its root, renumbering the other roots", async () => {
    const t = await buildTree();
    const second = await addWhy(ctx, t.key, { parentId: null, text: "Status page stayed green" });
    await removeWhy(ctx, t.key, t.root.id);
    expect(await forestOf(t.key)).toEqual([{ ...second, position: 0 }]);
  });

  it("refuses a stale version and removes nothing", async () => {
    const t = await buildTree();
    await editWhy(ctx, t.key, t.a.id, { text: "The pool ran dry" });
    const before = await forestOf(t.key);
    await expect(removeWhy(ctx, t.key, t.a.id, 1)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await forestOf(t.key)).toEqual(before);
  });

  it("does not find a why of another post-mortem", async () => {
    const t = await buildTree();
    const other = await buildTree();
    await expect(removeWhy(ctx, t.key, other.a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await forestOf(other.key))[0]!.children).toHaveLength(3);
  });
});
