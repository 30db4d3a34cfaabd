import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { addWhy, MAX_WHYS_PER_POSTMORTEM } from "./add-why.ts";
import { getWhyForest } from "./five-whys.repository.ts";

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

describe("addWhy", () => {
  it("starts an analysis with a root that states the problem", async () => {
    const incident = await buildIncident(ctx);
    const root = await addWhy(ctx, incident.key, {
      parentId: null,
      text: " Checkout returned 500s for 40 minutes ",
    });
    expect(root).toMatchObject({
      parentId: null,
      position: 0,
      text: "Checkout returned 500s for 40 minutes",
      actionItemId: null,
      version: 1,
      children: [],
    });
    expect(await forestOf(incident.key)).toEqual([root]);
  });

  it("nests answers under their why, in the order they were added", async () => {
    const incident = await buildIncident(ctx);
    const root = await addWhy(ctx, incident.key, { parentId: null, text: "Checkout failed" });
    const pool = await addWhy(ctx, incident.key, {
      parentId: root.id,
      text: "The database pool was exhausted",
    });
    const retry = await addWhy(ctx, incident.key, { parentId: root.id, text: "Retries multiplied the load" });
    const leak = await addWhy(ctx, incident.key, { parentId: pool.id, text: "A deploy leaked connections" });
    const second = await addWhy(ctx, incident.key, {
      parentId: null,
      text: "Nobody was paged for 20 minutes",
    });

    expect(retry.position).toBe(1);
    expect(second.position).toBe(1);
    const forest = await forestOf(incident.key);
    expect(forest.map((n) => n.text)).toEqual(["Checkout failed", "Nobody was paged for 20 minutes"]);
    expect(forest[0]!.children.map((n) => [n.text, n.position])).toEqual([
      ["The database pool was exhausted", 0],
      ["Retries multiplied the load", 1],
    ]);
    expect(forest[0]!.children[0]!.children).toEqual([
      expect.objectContaining({ id: leak.id, parentId: pool.id }),
    ]);
  });

  it("numbers answers added at the same time without gaps or duplicates", async () => {
    const incident = await buildIncident(ctx);
    const root = await addWhy(ctx, incident.key, { parentId: null, text: "Checkout failed" });
    await Promise.all(
      ["a", "b", "c", "d", "e", "f"].map((text) => addWhy(ctx, incident.key, { parentId: root.id, text })),
    );
    const [tree] = await forestOf(incident.key);
    expect(tree!.children.map((n) => n.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("refuses a parent that belongs to another post-mortem, adding nothing", async () => {
    const incident = await buildIncident(ctx);
    const other = await buildIncident(ctx);
    const foreign = await addWhy(ctx, other.key, { parentId: null, text: "Something else broke" });
    await expect(addWhy(ctx, incident.key, { parentId: foreign.id, text: "Because" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "parentId", message: expect.any(String) }],
    });
    await expect(addWhy(ctx, incident.key, { parentId: 999_999, text: "Because" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "parentId" })],
    });
    expect(await forestOf(incident.key)).toEqual([]);
    expect((await forestOf(other.key))[0]!.children).toEqual([]);
  });

  it.each([
    [{ parentId: null, text: "  " }, "text"],
    [{ parentId: null, text: "x".repeat(2001) }, "text"],
    [{ text: "Missing parent" }, "parentId"],
    [{ parentId: null, text: "ok", why: 1 }, "why"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const incident = await buildIncident(ctx);
    await expect(addWhy(ctx, incident.key, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
  });

  it("refuses to grow one post-mortem's tree past its cap, adding nothing", async () => {
    const incident = await buildIncident(ctx);
    const { postmortemId } = await getPostmortemRefOrThrow(testDb.db, incident.key);
    await testDb.db
      .insertInto("whyNodes")
      .values(
        Array.from({ length: MAX_WHYS_PER_POSTMORTEM }, (_, i) => ({
          postmortemId,
          parentId: null,
          position: i,
          text: `why ${i}`,
          createdAt: "2026-03-18T16:00:00Z",
          updatedAt: "2026-03-18T16:00:00Z",
        })),
      )
      .execute();
    await expect(addWhy(ctx, incident.key, { parentId: null, text: "one more" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await forestOf(incident.key)).length).toBe(MAX_WHYS_PER_POSTMORTEM);
  });

  it("fails for an incident that does not exist", async () => {
    await expect(addWhy(ctx, "INC-9999", { parentId: null, text: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
