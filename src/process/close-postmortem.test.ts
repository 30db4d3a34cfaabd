import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { updateActionItem } from "../actions/update-action-item.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { publishPostmortem } from "./publish-postmortem.ts";

let testDb: TestDb;
let ctx: Ctx;
const clock = fixedClock("2026-03-20T10:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock });
});
afterAll(() => testDb.destroy());

/** A post-mortem with open action items, published unless told otherwise. */
async function withItems(count: number, publish = true) {
  clock.set("2026-03-20T10:00:00Z");
  const { key } = await buildIncident(ctx);
  await updatePostmortem(ctx, key, { rootCause: "Leak", detection: "Alert", resolution: "Rollback" });
  await updateMeeting(ctx, key, { heldAt: "2026-03-19T14:00:00Z", attendees: [{ name: "Priya" }] });
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await createActionItem(ctx, key, { title: `Fix ${i}` })).id);
  if (publish) await publishPostmortem(ctx, key, {});
  return { key, ids };
}

async function closedEvents(key: string): Promise<number> {
  const rows = await testDb.db
    .selectFrom("events")
    .select("id")
    .where("subject", "=", key)
    .where("kind", "=", "postmortem.closed")
    .execute();
  return rows.length;
}

describe("closing a post-mortem when its action items are finished", () => {
  it("closes a published post-mortem when its last item is done, and announces it once", async () => {
    const { key, ids } = await withItems(2);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("published");
    clock.set("2026-03-27T09:30:00Z");
    const before = await getPostmortemOrThrow(testDb.db, key, ctx.clock.now());
    await updateActionItem(ctx, ids[1]!, { status: "done" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toMatchObject({
      status: "closed",
      closedAt: "2026-03-27T09:30:00Z",
      version: before.version + 1,
    });
    expect(await closedEvents(key)).toBe(1);
  });

  it("counts won't do as finished", async () => {
    const { key, ids } = await withItems(2);
    await updateActionItem(ctx, ids[0]!, { status: "wont_do", wontDoReason: "Service retired" });
    await updateActionItem(ctx, ids[1]!, { status: "done" });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("closed");
  });

  it("leaves a post-mortem that is not published yet alone", async () => {
    const { key, ids } = await withItems(1, false);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toMatchObject({
      status: "draft",
      closedAt: null,
    });
    expect(await closedEvents(key)).toBe(0);
  });

  it("does not close while an item is in progress", async () => {
    const { key, ids } = await withItems(2);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    await updateActionItem(ctx, ids[1]!, { status: "in_progress" });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("published");
  });

  it("moves back to published when a finished item is reopened, and closes again later", async () => {
    const { key, ids } = await withItems(1);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    await updateActionItem(ctx, ids[0]!, { status: "open" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toMatchObject({
      status: "published",
      closedAt: null,
    });
    clock.set("2026-04-01T08:00:00Z");
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toMatchObject({
      status: "closed",
      closedAt: "2026-04-01T08:00:00Z",
    });
    expect(await closedEvents(key)).toBe(2);
  });

  it("moves back to published when a new action item is added", async () => {
    const { key, ids } = await withItems(1);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    await createActionItem(ctx, key, { title: "Add a pool-size lint rule" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toMatchObject({
      status: "published",
      closedAt: null,
    });
  });

  it("changes nothing when an edit leaves the status as it was", async () => {
    const { key, ids } = await withItems(1);
    await updateActionItem(ctx, ids[0]!, { status: "done" });
    const closed = await getPostmortemOrThrow(testDb.db, key, ctx.clock.now());
    await updateActionItem(ctx, ids[0]!, { title: "Fix the leak", status: "done" });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toEqual(closed);
  });

  it("closes exactly once when the last items are finished at the same time", async () => {
    const { key, ids } = await withItems(4);
    await Promise.all(ids.map((id) => updateActionItem(ctx, id, { status: "done" })));
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("closed");
    expect(await closedEvents(key)).toBe(1);
  });
});
