import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { fixedClock } from "../shared/clock.ts";
import { deadlinesFor } from "./deadlines.ts";
import { DEFAULT_PROCESS_SETTINGS, updateProcessSettings } from "./settings.ts";

const RESOLVED = "2026-03-18T16:00:00Z";
const defaults = DEFAULT_PROCESS_SETTINGS.deadlines;
const open = { resolvedAt: RESOLVED, meetingHeldAt: null, publishedAt: null };

function at(iso: string) {
  return deadlinesFor(open, defaults, new Date(iso));
}

describe("deadlinesFor", () => {
  it("keeps both deadlines on track, without dates, until the incident is resolved", () => {
    const unresolved = { resolvedAt: null, meetingHeldAt: null, publishedAt: null };
    expect(deadlinesFor(unresolved, defaults, new Date("2026-06-01T00:00:00Z"))).toEqual({
      meeting: { state: "on_track", dueAt: null, overdueAt: null, secondsLeft: null },
      publish: { state: "on_track", dueAt: null, overdueAt: null, secondsLeft: null },
    });
  });

  it("makes the meeting due 24 hours after resolution and overdue after 48", () => {
    expect(at("2026-03-19T15:59:59Z").meeting).toEqual({
      state: "on_track",
      dueAt: "2026-03-19T16:00:00Z",
      overdueAt: "2026-03-20T16:00:00Z",
      secondsLeft: 24 * 3600 + 1,
    });
    expect(at("2026-03-19T16:00:00Z").meeting.state).toBe("due");
    expect(at("2026-03-20T15:59:59Z").meeting).toMatchObject({ state: "due", secondsLeft: 1 });
    expect(at("2026-03-20T16:00:00Z").meeting).toMatchObject({ state: "overdue", secondsLeft: 0 });
    expect(at("2026-03-21T16:00:00Z").meeting.secondsLeft).toBe(-24 * 3600);
  });

  it("makes publishing overdue a week after resolution, and due in the day before", () => {
    expect(at("2026-03-24T15:59:59Z").publish).toEqual({
      state: "on_track",
      dueAt: "2026-03-25T16:00:00Z",
      overdueAt: "2026-03-25T16:00:00Z",
      secondsLeft: 24 * 3600 + 1,
    });
    expect(at("2026-03-24T16:00:00Z").publish.state).toBe("due");
    expect(at("2026-03-25T16:00:00Z").publish.state).toBe("overdue");
  });

  it("marks a held meeting and a published post-mortem as met, whenever that happened", () => {
    const done = {
      resolvedAt: RESOLVED,
      meetingHeldAt: "2026-03-23T10:00:00Z",
      publishedAt: "2026-04-02T00:00:00Z",
    };
    const late = deadlinesFor(done, defaults, new Date("2026-05-01T00:00:00Z"));
    expect(late.meeting).toEqual({
      state: "met",
      dueAt: "2026-03-19T16:00:00Z",
      overdueAt: "2026-03-20T16:00:00Z",
      secondsLeft: null,
    });
    expect(late.publish.state).toBe("met");
  });

  it("follows the configured numbers", () => {
    const quick = { meetingDueHours: 2, meetingOverdueHours: 4, publishOverdueDays: 2 };
    const d = deadlinesFor(open, quick, new Date("2026-03-18T19:00:00Z"));
    expect(d.meeting).toMatchObject({ state: "due", overdueAt: "2026-03-18T20:00:00Z" });
    expect(d.publish).toMatchObject({ state: "on_track", overdueAt: "2026-03-20T16:00:00Z" });
    expect(deadlinesFor(open, quick, new Date("2026-03-19T16:00:00Z")).publish.state).toBe("due");
  });
});

describe("the post-mortem's deadlines", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.destroy());

  it("move with the clock, end when the meeting is held, and follow what an admin sets", async () => {
    const clock = fixedClock("2026-03-18T17:00:00Z");
    const ctx = buildCtx(testDb.db, { clock });
    const { key } = await buildIncident(ctx, { status: "resolved", resolvedAt: RESOLVED });
    const read = async () => (await getPostmortemOrThrow(testDb.db, key, clock.now())).deadlines;

    expect((await read()).meeting).toMatchObject({ state: "on_track", dueAt: "2026-03-19T16:00:00Z" });
    clock.set("2026-03-20T17:00:00Z");
    expect((await read()).meeting.state).toBe("overdue");
    expect((await read()).publish.state).toBe("on_track");

    await updateProcessSettings(ctx, { deadlines: { meetingDueHours: 72, meetingOverdueHours: 96 } });
    expect((await read()).meeting).toMatchObject({ state: "on_track", overdueAt: "2026-03-22T16:00:00Z" });

    await updateMeeting(ctx, key, { heldAt: "2026-03-20T15:00:00Z", attendees: [{ name: "Sam" }] });
    clock.set("2026-03-26T00:00:00Z");
    expect(await read()).toMatchObject({ meeting: { state: "met" }, publish: { state: "overdue" } });
  });
});
