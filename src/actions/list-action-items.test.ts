import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import type { Page } from "../shared/page.ts";
import { listActionItems, listIncidentActionItems } from "./action-item.repository.ts";
import { ActionItemListQuery, type ActionItem } from "./action-item.ts";
import { createActionItem } from "./create-action-item.ts";
import { updateActionItem } from "./update-action-item.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeEach(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-18T16:00:00Z") });
});
afterEach(() => testDb.destroy());

const list = (query: Record<string, string | string[]> = {}) =>
  listActionItems(testDb.db, ctx.clock, ActionItemListQuery.parse(query));

async function allPages(next: (cursor?: string) => Promise<Page<ActionItem>>): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    titles.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

describe("listIncidentActionItems", () => {
  it("pages through one post-mortem's items in the order they were added", async () => {
    const incident = await buildIncident(ctx);
    const other = await buildIncident(ctx);
    for (const title of ["a", "b", "c", "d", "e"]) await createActionItem(ctx, incident.key, { title });
    await createActionItem(ctx, other.key, { title: "elsewhere" });
    const { postmortemId } = await getPostmortemRefOrThrow(testDb.db, incident.key);
    const first = await listIncidentActionItems(testDb.db, ctx.clock, postmortemId, { limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual(["a", "b"]);
    const titles = await allPages((cursor) =>
      listIncidentActionItems(testDb.db, ctx.clock, postmortemId, { limit: 2, cursor }),
    );
    expect(titles).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("listActionItems", () => {
  it("orders by due date, items without one last, then by id, on every page", async () => {
    const incident = await buildIncident(ctx);
    for (const [title, dueDate] of [
      ["no date 1", undefined],
      ["april", "2026-04-01"],
      ["march", "2026-03-10"],
      ["no date 2", undefined],
      ["april again", "2026-04-01"],
    ] as const) {
      await createActionItem(ctx, incident.key, { title, dueDate });
    }
    const expected = ["march", "april", "april again", "no date 1", "no date 2"];
    expect((await list()).items.map((i) => i.title)).toEqual(expected);
    for (const limit of ["1", "2", "3"]) {
      expect(await allPages((cursor) => list({ limit, ...(cursor ? { cursor } : {}) }))).toEqual(expected);
    }
  });

  it("filters by owner, exact but in any case", async () => {
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, { title: "one", owner: "Sam Okafor" });
    await createActionItem(ctx, incident.key, { title: "two", owner: "sam okafor" });
    await createActionItem(ctx, incident.key, { title: "three", owner: "Sam Okafor-Reyes" });
    await createActionItem(ctx, incident.key, { title: "four" });
    expect((await list({ owner: "SAM OKAFOR" })).items.map((i) => i.title)).toEqual(["one", "two"]);
  });

  it("filters by any of several owners in one page, as one person written by name and by e-mail", async () => {
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, {
      title: "by name",
      owner: "Priya Patel",
      dueDate: "2026-04-02",
    });
    await createActionItem(ctx, incident.key, { title: "someone else's", owner: "Sam Okafor" });
    await createActionItem(ctx, incident.key, {
      title: "by e-mail",
      owner: "priya@example.com",
      dueDate: "2026-04-01",
    });
    const mine = await list({ owner: ["priya patel", "PRIYA@example.com"] });
    expect(mine.items.map((i) => i.title)).toEqual(["by e-mail", "by name"]);
    expect(() => ActionItemListQuery.parse({ owner: ["Priya", " "] })).toThrow(/must not be empty/);
  });

  it("matches owners with non-ASCII letters in any case, the same on every database", async () => {
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, { title: "one", owner: "Émile Çelik" });
    const second = await createActionItem(ctx, incident.key, { title: "two", owner: "someone else" });
    await updateActionItem(ctx, second.id, { owner: "ÉMILE ÇELIK" });
    expect((await list({ owner: "émile çelik" })).items.map((i) => i.title)).toEqual(["one", "two"]);
  });

  it("filters by status", async () => {
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, { title: "open one" });
    const started = await createActionItem(ctx, incident.key, { title: "started" });
    await updateActionItem(ctx, started.id, { status: "in_progress" });
    expect((await list({ status: "in_progress" })).items.map((i) => i.title)).toEqual(["started"]);
    expect((await list({ status: "open" })).items.map((i) => i.title)).toEqual(["open one"]);
  });

  it("filters overdue items by the clock's UTC date, leaving out finished ones", async () => {
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, { title: "yesterday", dueDate: "2026-03-17" });
    await createActionItem(ctx, incident.key, { title: "today", dueDate: "2026-03-18" });
    await createActionItem(ctx, incident.key, { title: "undated" });
    const finished = await createActionItem(ctx, incident.key, { title: "done late", dueDate: "2026-03-01" });
    await updateActionItem(ctx, finished.id, { status: "done" });
    const dropped = await createActionItem(ctx, incident.key, { title: "dropped", dueDate: "2026-03-01" });
    await updateActionItem(ctx, dropped.id, { status: "wont_do", wontDoReason: "Superseded" });

    expect((await list({ overdue: "true" })).items.map((i) => i.title)).toEqual(["yesterday"]);
    expect((await list({ overdue: "false" })).items.map((i) => i.title)).toEqual([
      "done late",
      "dropped",
      "today",
      "undated",
    ]);
    ctx = { ...ctx, clock: fixedClock("2026-03-19T00:00:01Z") };
    expect((await list({ overdue: "true" })).items.map((i) => i.title)).toEqual(["yesterday", "today"]);
  });

  it("filters by incident key and says which incident each item belongs to", async () => {
    const first = await buildIncident(ctx);
    const second = await buildIncident(ctx);
    await createActionItem(ctx, first.key, { title: "first's" });
    await createActionItem(ctx, second.key, { title: "second's" });
    const page = await list({ incident: second.key });
    expect(page.items).toEqual([expect.objectContaining({ title: "second's", incidentKey: second.key })]);
  });

  it("refuses a cursor it did not hand out", async () => {
    await expect(list({ cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "cursor", message: expect.any(String) }],
    });
  });
});
