import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { findMeeting } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { replaceAgenda } from "./agenda.ts";
import { getMeetingMode, moveMeetingMode } from "./meeting-mode.ts";

let testDb: TestDb;
let ctx: Ctx;
const clock = fixedClock("2026-03-19T14:00:00Z");
const MINUTE = 60_000;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock });
});
afterAll(() => testDb.destroy());

async function started(): Promise<string> {
  clock.set("2026-03-19T14:00:00Z");
  const { key } = await buildIncident(ctx);
  await moveMeetingMode(ctx, key, { action: "start" });
  return key;
}

const read = (key: string) => getMeetingMode(testDb.db, clock, key);

describe("moveMeetingMode", () => {
  it("starts on the first agenda section with its full time left", async () => {
    const key = await started();
    expect(await read(key)).toMatchObject({
      active: true,
      startedAt: "2026-03-19T14:00:00Z",
      section: { index: 0, key: "stage", minutes: 2 },
      sectionStartedAt: "2026-03-19T14:00:00Z",
      sectionEndsAt: "2026-03-19T14:02:00Z",
      remainingSeconds: 120,
      elapsedSeconds: 0,
      plannedEndAt: "2026-03-19T14:50:00Z",
      version: 1,
    });
  });

  it("counts the section's time down by the clock, below zero when over time", async () => {
    const key = await started();
    clock.advance(90_000);
    expect(await read(key)).toMatchObject({ remainingSeconds: 30, elapsedSeconds: 90 });
    clock.advance(75_000);
    expect(await read(key)).toMatchObject({ remainingSeconds: -45, elapsedSeconds: 165 });
  });

  it("moves to the next and previous section, restarting the section's clock", async () => {
    const key = await started();
    clock.advance(3 * MINUTE);
    const next = await moveMeetingMode(ctx, key, { action: "next" }, 1);
    expect(next).toMatchObject({
      section: { index: 1, key: "timeline", minutes: 10 },
      sectionStartedAt: "2026-03-19T14:03:00Z",
      sectionEndsAt: "2026-03-19T14:13:00Z",
      remainingSeconds: 600,
      elapsedSeconds: 180,
      version: 2,
    });
    clock.advance(MINUTE);
    const back = await moveMeetingMode(ctx, key, { action: "previous" }, 2);
    expect(back).toMatchObject({ section: { index: 0 }, sectionStartedAt: "2026-03-19T14:04:00Z" });
  });

  it("jumps to any section with goto", async () => {
    const key = await started();
    const state = await moveMeetingMode(ctx, key, { action: "goto", section: 5 });
    expect(state.section).toEqual({ index: 5, key: "went-well", title: "What went well", minutes: 3 });
    await expect(moveMeetingMode(ctx, key, { action: "goto", section: 6 })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "section" }],
    });
  });

  it("refuses to move past either end of the agenda", async () => {
    const key = await started();
    await expect(moveMeetingMode(ctx, key, { action: "previous" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await moveMeetingMode(ctx, key, { action: "goto", section: 5 });
    await expect(moveMeetingMode(ctx, key, { action: "next" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await read(key)).section?.index).toBe(5);
  });

  it("follows the meeting's own agenda", async () => {
    const { key } = await buildIncident(ctx);
    await replaceAgenda(ctx, key, { sections: [{ key: "all", title: "Whole review", minutes: 30 }] });
    const state = await moveMeetingMode(ctx, key, { action: "start" }, 1);
    expect(state).toMatchObject({ section: { index: 0, key: "all" }, remainingSeconds: 1800 });
    expect(state.agenda.totalMinutes).toBe(30);
  });

  it("ends the meeting, recording it as held at its start", async () => {
    const key = await started();
    clock.advance(52 * MINUTE);
    const ended = await moveMeetingMode(ctx, key, { action: "end" });
    expect(ended).toMatchObject({
      active: false,
      section: null,
      remainingSeconds: null,
      heldAt: "2026-03-19T14:00:00Z",
    });
    expect((await findMeeting(testDb.db, key))?.heldAt).toBe("2026-03-19T14:00:00Z");
  });

  it("keeps a held time that was already recorded when it ends", async () => {
    const key = await started();
    await updateMeeting(ctx, key, { heldAt: "2026-03-19T13:55:00Z" });
    const ended = await moveMeetingMode(ctx, key, { action: "end" });
    expect(ended.heldAt).toBe("2026-03-19T13:55:00Z");
  });

  it("refuses to start twice, or to move a meeting that is not running", async () => {
    const key = await started();
    await expect(moveMeetingMode(ctx, key, { action: "start" })).rejects.toMatchObject({ code: "CONFLICT" });
    await moveMeetingMode(ctx, key, { action: "end" });
    for (const action of ["next", "previous", "end"] as const) {
      await expect(moveMeetingMode(ctx, key, { action })).rejects.toMatchObject({
        code: "CONFLICT",
        errors: [{ path: "action" }],
      });
    }
  });

  it("refuses a stale version and changes nothing", async () => {
    const key = await started();
    await moveMeetingMode(ctx, key, { action: "next" }, 1);
    await expect(moveMeetingMode(ctx, key, { action: "next" }, 1)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await read(key)).section?.index).toBe(1);
  });

  it.each([
    [{ action: "goto" }, "section"],
    [{ action: "next", section: 2 }, "section"],
    [{ action: "pause" }, "action"],
    [{ action: "goto", section: -1 }, "section"],
    [{ action: "start", at: "2026-03-19T14:00:00Z" }, "at"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const key = await started();
    await expect(moveMeetingMode(ctx, key, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ path })],
    });
  });
});

describe("getMeetingMode", () => {
  it("says the meeting is not running, with the agenda, before anyone starts it", async () => {
    const { key } = await buildIncident(ctx);
    expect(await read(key)).toMatchObject({
      active: false,
      startedAt: null,
      section: null,
      remainingSeconds: null,
      elapsedSeconds: null,
      agenda: { totalMinutes: 50, custom: false },
      version: 0,
    });
  });

  it("stays on the last section when the agenda shrinks under a running meeting", async () => {
    const key = await started();
    await moveMeetingMode(ctx, key, { action: "goto", section: 4 });
    await replaceAgenda(ctx, key, { sections: [{ key: "all", title: "Whole review", minutes: 30 }] });
    expect((await read(key)).section).toMatchObject({ index: 0, key: "all" });
  });
});
