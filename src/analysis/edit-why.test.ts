import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { addWhy } from "./add-why.ts";
import { editWhy } from "./edit-why.ts";
import { getWhyForest } from "./five-whys.repository.ts";
import type { WhyNode } from "./why-node.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-18T16:00:00Z") });
});
afterAll(() => testDb.destroy());

async function forestOf(key: string): Promise<WhyNode[]> {
  return getWhyForest(testDb.db, (await getPostmortemRefOrThrow(testDb.db, key)).postmortemId);
}

/** Text and position of every node, depth first: easy to compare whole trees. */
function outline(nodes: WhyNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${"  ".repeat(depth)}${n.position} ${n.text}`,
    ...outline(n.children, depth + 1),
  ]);
}

/** root → A (→ A1, A2), B, C; and a second root R2. */
async function buildTree() {
  const incident = await buildIncident(ctx);
  const add = (parentId: number | null, text: string) => addWhy(ctx, incident.key, { parentId, text });
  const root = await add(null, "root");
  const a = await add(root.id, "A");
  const a1 = await add(a.id, "A1");
  const a2 = await add(a.id, "A2");
  const b = await add(root.id, "B");
  const c = await add(root.id, "C");
  const r2 = await add(null, "R2");
  return { key: incident.key, root, a, a1, a2, b, c, r2 };
}

describe("editWhy", () => {
  it("rewords a why and bumps its version", async () => {
    const t = await buildTree();
    const edited = await editWhy(ctx, t.key, t.b.id, { text: "B, said blamelessly" }, 1);
    expect(edited).toMatchObject({ id: t.b.id, text: "B, said blamelessly", position: 1, version: 2 });
  });

  it("reorders a why among its siblings, keeping positions 0..n-1", async () => {
    const t = await buildTree();
    await editWhy(ctx, t.key, t.c.id, { position: 0 });
    expect(outline(await forestOf(t.key))).toEqual([
      "0 root",
      "  0 C",
      "  1 A",
      "    0 A1",
      "    1 A2",
      "  2 B",
      "1 R2",
    ]);
  });

  it("moves a why with its answers under another why, last by default", async () => {
    const t = await buildTree();
    const moved = await editWhy(ctx, t.key, t.a.id, { parentId: t.c.id });
    expect(moved).toMatchObject({
      parentId: t.c.id,
      position: 0,
      children: [{ text: "A1" }, { text: "A2" }],
    });
    await editWhy(ctx, t.key, t.b.id, { parentId: t.r2.id });
    expect(outline(await forestOf(t.key))).toEqual([
      "0 root",
      "  0 C",
      "    0 A",
      "      0 A1",
      "      1 A2",
      "1 R2",
      "  0 B",
    ]);
  });

  it("moves a why to a given place among its new siblings, or to the top level", async () => {
    const t = await buildTree();
    await editWhy(ctx, t.key, t.a2.id, { parentId: t.root.id, position: 1 });
    await editWhy(ctx, t.key, t.c.id, { parentId: null, position: 0 });
    expect(outline(await forestOf(t.key))).toEqual([
      "0 C",
      "1 root",
      "  0 A",
      "    0 A1",
      "  1 A2",
      "  2 B",
      "2 R2",
    ]);
  });

  it("refuses to move a why under itself or its own answers, changing nothing", async () => {
    const t = await buildTree();
    const before = await forestOf(t.key);
    await expect(editWhy(ctx, t.key, t.a.id, { parentId: t.a.id, text: "changed" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "parentId" })],
    });
    await expect(editWhy(ctx, t.key, t.root.id, { parentId: t.a1.id })).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [expect.objectContaining({ path: "parentId" })],
    });
    expect(await forestOf(t.key)).toEqual(before);
  });

  it("refuses a parent from another post-mortem", async () => {
    const t = await buildTree();
    const other = await buildTree();
    await expect(editWhy(ctx, t.key, t.b.id, { parentId: other.a.id })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "parentId" })],
    });
    expect((await forestOf(other.key))[0]!.children[0]!.children).toHaveLength(2);
  });

  it("refuses a position past the end of the siblings", async () => {
    const t = await buildTree();
    await expect(editWhy(ctx, t.key, t.a.id, { position: 3 })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "position" })],
    });
    await expect(editWhy(ctx, t.key, t.a.id, { parentId: t.r2.id, position: 1 })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path: "position" })],
    });
    const moved = await editWhy(ctx, t.key, t.a.id, { parentId: t.r2.id, position: 0 });
    expect(moved.position).toBe(0);
  });

  it("refuses a stale version and changes nothing", async () => {
    const t = await buildTree();
    await editWhy(ctx, t.key, t.b.id, { text: "B v2" }, 1);
    const before = await forestOf(t.key);
    await expect(editWhy(ctx, t.key, t.b.id, { text: "B lost", position: 0 }, 1)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await forestOf(t.key)).toEqual(before);
  });

  it("does not find a why of another post-mortem", async () => {
    const t = await buildTree();
    const other = await buildTree();
    await expect(editWhy(ctx, t.key, other.b.id, { text: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    [{ text: "" }, "text"],
    [{ position: -1 }, "position"],
    [{ parentId: "root" }, "parentId"],
    [{ children: [] }, "children"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const t = await buildTree();
    await expect(editWhy(ctx, t.key, t.b.id, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
  });
});
