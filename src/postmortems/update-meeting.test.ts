import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { findMeeting, getPostmortemOrThrow } from "./postmortem.repository.ts";
import { updateMeeting } from "./update-meeting.ts";
import { updatePostmortem } from "./update-postmortem.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-19T15:00:00Z") });
});
afterAll(() => testDb.destroy());

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("updateMeeting", () => {
  it("creates the meeting on the first write at version 1, with the default length", async () => {
    const incident = await buildIncident(ctx);
    expect(await findMeeting(testDb.db, incident.key)).toBeUndefined();
    const meeting = await updateMeeting(ctx, incident.key, { scheduledAt: "2026-03-19T14:00:00Z" });
    expect(meeting).toEqual({
      scheduledAt: "2026-03-19T14:00:00Z",
      durationMinutes: 50,
      facilitator: null,
      heldAt: null,
      attendees: [],
      notes: {},
      version: 1,
    });
    expect((await getPostmortemOrThrow(testDb.db, incident.key)).meeting).toEqual(meeting);
  });

  it("bumps the meeting's own version on later writes, leaving the post-mortem's alone", async () => {
    const incident = await buildIncident(ctx);
    await updateMeeting(ctx, incident.key, { facilitator: "Priya" });
    const meeting = await updateMeeting(ctx, incident.key, { durationMinutes: 60 }, 1);
    expect(meeting).toMatchObject({ facilitator: "Priya", durationMinutes: 60, version: 2 });
    expect((await getPostmortemOrThrow(testDb.db, incident.key)).version).toBe(1);
  });

  it("keeps attendees in the order given, replaces them as a list, and stores notes per section", async () => {
    const incident = await buildIncident(ctx);
    await updateMeeting(ctx, incident.key, {
      attendees: [{ name: "Sam", email: "Sam@Example.com" }, { name: "Priya" }, { name: "Alex" }],
    });
    const meeting = await updateMeeting(ctx, incident.key, {
      attendees: [
        { name: "Alex", email: null },
        { name: "Sam", email: "sam@example.com" },
      ],
      notes: { "review-timeline": "Alert fired 7 minutes late", "what-went-well": "Fast rollback" },
    });
    expect(meeting.attendees).toEqual([
      { name: "Alex", email: null },
      { name: "Sam", email: "sam@example.com" },
    ]);
    expect(meeting.notes).toEqual({
      "review-timeline": "Alert fired 7 minutes late",
      "what-went-well": "Fast rollback",
    });
  });

  it("records when the meeting was held, but not a time in the future", async () => {
    const incident = await buildIncident(ctx);
    const held = await updateMeeting(ctx, incident.key, { heldAt: "2026-03-19T15:01:00Z" });
    expect(held.heldAt).toBe("2026-03-19T15:01:00Z");
    const error = await failure(updateMeeting(ctx, incident.key, { heldAt: "2026-03-19T15:10:00Z" }));
    expect(error.errors).toEqual([{ path: "heldAt", message: "must not be in the future" }]);
    expect((await findMeeting(testDb.db, incident.key))?.heldAt).toBe("2026-03-19T15:01:00Z");
  });

  it("refuses a stale version and changes nothing", async () => {
    const incident = await buildIncident(ctx);
    await updateMeeting(ctx, incident.key, { facilitator: "Priya", attendees: [{ name: "Sam" }] });
    await updateMeeting(ctx, incident.key, { facilitator: "Alex" }, 1);
    const error = await failure(
      updateMeeting(ctx, incident.key, { facilitator: "Jo", attendees: [{ name: "Jo" }] }, 1),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(await findMeeting(testDb.db, incident.key)).toMatchObject({
      facilitator: "Alex",
      attendees: [{ name: "Sam", email: null }],
      version: 2,
    });
  });

  it("treats version 0 as 'there was no meeting' and refuses it once one exists", async () => {
    const incident = await buildIncident(ctx);
    await updateMeeting(ctx, incident.key, { facilitator: "Priya" }, 0);
    const error = await failure(updateMeeting(ctx, incident.key, { facilitator: "Sam" }, 0));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect((await findMeeting(testDb.db, incident.key))?.facilitator).toBe("Priya");
  });

  it("refuses a version for a meeting that does not exist yet", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(updateMeeting(ctx, incident.key, { facilitator: "Priya" }, 3));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(await findMeeting(testDb.db, incident.key)).toBeUndefined();
  });

  it("names the offending attendee and note fields", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(
      updateMeeting(ctx, incident.key, {
        attendees: [{ name: "Sam" }, { name: " " }, { name: "Jo", email: "not-an-email" }],
        durationMinutes: 0,
      }),
    );
    expect(error.errors.map((e) => e.path).sort()).toEqual([
      "attendees.1.name",
      "attendees.2.email",
      "durationMinutes",
    ]);
  });

  it("keeps meeting edits separate from section edits", async () => {
    const incident = await buildIncident(ctx);
    await updateMeeting(ctx, incident.key, { facilitator: "Priya" });
    const pm = await updatePostmortem(ctx, incident.key, { summary: "edited" }, 1);
    expect(pm.meeting).toMatchObject({ facilitator: "Priya", version: 1 });
  });
});
