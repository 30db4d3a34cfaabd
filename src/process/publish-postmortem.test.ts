import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { updateActionItem } from "../actions/update-action-item.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { publishPostmortem } from "./publish-postmortem.ts";
import { submitForReview } from "./submit-for-review.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-20T10:00:00Z") });
});
afterAll(() => testDb.destroy());

const SECTIONS = {
  rootCause: "A connection leak exhausted the pool",
  detection: "The 5xx alert fired seven minutes after the start",
  resolution: "We rolled back the release and restarted the pods",
};

/** An incident whose post-mortem is ready to publish, unless told to leave parts out. */
async function readyIncident(options: { meeting?: boolean; items?: number; sections?: boolean } = {}) {
  const incident = await buildIncident(ctx);
  if (options.sections ?? true) await updatePostmortem(ctx, incident.key, SECTIONS);
  if (options.meeting ?? true) {
    await updateMeeting(ctx, incident.key, {
      heldAt: "2026-03-19T14:00:00Z",
      attendees: [{ name: "Priya", email: "priya@example.com" }],
    });
  }
  const items = [];
  for (let i = 0; i < (options.items ?? 1); i += 1) {
    items.push(await createActionItem(ctx, incident.key, { title: `Alert on pool saturation ${i}` }));
  }
  return { key: incident.key, items };
}

async function events(subject: string) {
  const rows = await testDb.db
    .selectFrom("events")
    .select(["kind", "payload"])
    .where("subject", "=", subject)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

async function overrideOf(key: string) {
  return testDb.db
    .selectFrom("postmortems")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select(["publishOverrideReason", "publishOverrideBy"])
    .where("incidents.number", "=", Number(key.slice(4)))
    .executeTakeFirstOrThrow();
}

describe("publishPostmortem", () => {
  it("publishes a draft once the meeting was held and the sections are filled, and announces it", async () => {
    const { key } = await readyIncident();
    const before = await getPostmortemOrThrow(testDb.db, key, ctx.clock.now());
    const published = await publishPostmortem(ctx, key, {}, before.version);
    expect(published).toMatchObject({
      status: "published",
      publishedAt: "2026-03-20T10:00:00Z",
      closedAt: null,
      version: before.version + 1,
    });
    expect(await events(key)).toEqual([
      {
        kind: "postmortem.published",
        payload: expect.objectContaining({
          incidentKey: key,
          severity: "P2",
          publishedAt: "2026-03-20T10:00:00Z",
          override: null,
          meetingHeld: true,
        }),
      },
    ]);
  });

  it("publishes a post-mortem that is in review", async () => {
    const { key } = await readyIncident();
    await submitForReview(ctx, key);
    expect((await publishPostmortem(ctx, key, {})).status).toBe("published");
  });

  it("refuses without a held meeting, with the no-meeting reason, and changes nothing", async () => {
    const { key } = await readyIncident({ meeting: false });
    const before = await getPostmortemOrThrow(testDb.db, key, ctx.clock.now());
    await expect(publishPostmortem(ctx, key, {})).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [
        { path: "meeting", message: expect.stringMatching(/^no review meeting was held.*no-meeting/) },
      ],
    });
    expect(await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).toEqual(before);
    expect(await events(key)).toEqual([]);
  });

  it("refuses a meeting that lists no attendees", async () => {
    const { key } = await readyIncident({ meeting: false });
    await updateMeeting(ctx, key, { heldAt: "2026-03-19T14:00:00Z" });
    await expect(publishPostmortem(ctx, key, {})).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "meeting", message: expect.stringContaining("no attendees") }],
    });
  });

  it("refuses a meeting recorded as held later than now", async () => {
    const { key } = await readyIncident();
    const earlier = buildCtx(testDb.db, { clock: fixedClock("2026-03-19T09:00:00Z") });
    await expect(publishPostmortem(earlier, key, {})).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "meeting", message: expect.stringContaining("in the future") }],
    });
  });

  it("names every empty required section in one refusal", async () => {
    const { key } = await readyIncident({ meeting: false, items: 0, sections: false });
    await updatePostmortem(ctx, key, { detection: "   " });
    const error = await publishPostmortem(ctx, key, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "meeting",
      "rootCause",
      "detection",
      "resolution",
      "actionItems",
    ]);
  });

  it("publishes without action items when it is told why none are needed", async () => {
    const { key } = await readyIncident({ items: 0 });
    const published = await publishPostmortem(ctx, key, {
      noActionItemsReason: "A one-off upstream outage; nothing of ours to change",
    });
    expect(published.status).toBe("published");
    expect((await events(key))[0]!.payload.noActionItemsReason).toBe(
      "A one-off upstream outage; nothing of ours to change",
    );
  });

  it("lets an admin publish without a meeting, recording the reason and who gave it", async () => {
    const admin = await buildUser(testDb.db, "admin");
    const asAdmin = { ...ctx, actor: admin.actor };
    const { key } = await readyIncident({ meeting: false });
    const published = await publishPostmortem(asAdmin, key, {
      override: { reason: " The team was split across time zones; reviewed in writing " },
    });
    expect(published.status).toBe("published");
    expect(await overrideOf(key)).toEqual({
      publishOverrideReason: "The team was split across time zones; reviewed in writing",
      publishOverrideBy: admin.actor.name,
    });
    expect((await events(key))[0]!.payload).toMatchObject({
      meetingHeld: false,
      override: { reason: "The team was split across time zones; reviewed in writing", by: admin.actor.name },
    });
  });

  it("refuses an override from an editor, even with a held meeting", async () => {
    const editor = await buildUser(testDb.db, "editor");
    const { key } = await readyIncident();
    await expect(
      publishPostmortem({ ...ctx, actor: editor.actor }, key, { override: { reason: "in a hurry" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", errors: [{ path: "override" }] });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("draft");
  });

  it("still needs the sections when an admin overrides the meeting", async () => {
    const { key } = await readyIncident({ meeting: false, sections: false });
    await expect(
      publishPostmortem(ctx, key, { override: { reason: "written review" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "rootCause" }, { path: "detection" }, { path: "resolution" }],
    });
  });

  it("refuses to publish twice", async () => {
    const { key } = await readyIncident();
    await publishPostmortem(ctx, key, {});
    await expect(publishPostmortem(ctx, key, {})).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "status" }],
    });
    expect(await events(key)).toHaveLength(1);
  });

  it("refuses a stale version and changes nothing", async () => {
    const { key } = await readyIncident();
    const before = await getPostmortemOrThrow(testDb.db, key, ctx.clock.now());
    await updatePostmortem(ctx, key, { summary: "Checkout failed for EU customers" });
    await expect(publishPostmortem(ctx, key, {}, before.version)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("draft");
  });

  it("closes at once when every action item is already finished", async () => {
    const { key, items } = await readyIncident({ items: 2 });
    await updateActionItem(ctx, items[0]!.id, { status: "done" });
    await updateActionItem(ctx, items[1]!.id, { status: "wont_do", wontDoReason: "Service retired" });
    const published = await publishPostmortem(ctx, key, {});
    expect(published).toMatchObject({
      status: "closed",
      publishedAt: "2026-03-20T10:00:00Z",
      closedAt: "2026-03-20T10:00:00Z",
    });
    expect((await events(key)).map((e) => e.kind)).toEqual(["postmortem.published", "postmortem.closed"]);
  });

  it.each([
    [{ override: {} }, "override.reason"],
    [{ override: { reason: "  " } }, "override.reason"],
    [{ publishedAt: "2026-03-20T10:00:00Z" }, "publishedAt"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const { key } = await readyIncident();
    await expect(publishPostmortem(ctx, key, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
  });
});
