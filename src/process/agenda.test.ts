import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { findMeeting } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { getAgenda, replaceAgenda } from "./agenda.ts";
import { updateProcessSettings } from "./settings.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-19T09:00:00Z") });
});
afterAll(() => testDb.destroy());

const SHORT = [
  { key: "stage", title: "Blameless framing", minutes: 2 },
  { key: "timeline", title: "Walk the timeline", minutes: 20 },
  { key: "actions", title: "Agree on action items", minutes: 8 },
];

describe("getAgenda", () => {
  it("gives the default six sections of SPEC §3, 50 minutes, with each section's start", async () => {
    const { key } = await buildIncident(ctx);
    const agenda = await getAgenda(testDb.db, key);
    expect(agenda.sections.map((s) => [s.minutes, s.startMinute])).toEqual([
      [2, 0],
      [10, 2],
      [15, 12],
      [15, 27],
      [5, 42],
      [3, 47],
    ]);
    expect(agenda.sections[2]!.title).toMatch(/root cause and contributing factors/i);
    expect(agenda).toMatchObject({ totalMinutes: 50, custom: false, version: 0 });
  });

  it("follows the default an admin configured, for meetings without an agenda of their own", async () => {
    const { key } = await buildIncident(ctx);
    const { key: own } = await buildIncident(ctx);
    await replaceAgenda(ctx, own, { sections: SHORT });
    await updateProcessSettings(ctx, {
      meeting: { agenda: [{ key: "all", title: "Everything at once", minutes: 45 }] },
    });
    try {
      expect((await getAgenda(testDb.db, key)).sections.map((s) => s.key)).toEqual(["all"]);
      expect((await getAgenda(testDb.db, own)).sections.map((s) => s.key)).toEqual([
        "stage",
        "timeline",
        "actions",
      ]);
    } finally {
      await updateProcessSettings(ctx, {});
    }
  });

  it("fails for an unknown incident", async () => {
    await expect(getAgenda(testDb.db, "INC-99999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("replaceAgenda", () => {
  it("replaces the agenda in order, creating the meeting at version 1", async () => {
    const { key } = await buildIncident(ctx);
    const agenda = await replaceAgenda(ctx, key, { sections: SHORT });
    expect(agenda).toEqual({
      sections: [
        { ...SHORT[0], startMinute: 0 },
        { ...SHORT[1], startMinute: 2 },
        { ...SHORT[2], startMinute: 22 },
      ],
      totalMinutes: 30,
      custom: true,
      version: 1,
    });
    expect(await getAgenda(testDb.db, key)).toEqual(agenda);
    expect(await findMeeting(testDb.db, key)).toMatchObject({ version: 1, scheduledAt: null });
  });

  it("bumps the meeting's version and keeps what else the meeting holds", async () => {
    const { key } = await buildIncident(ctx);
    await updateMeeting(ctx, key, { scheduledAt: "2026-03-19T14:00:00Z", facilitator: "Priya" });
    const agenda = await replaceAgenda(ctx, key, { sections: SHORT }, 1);
    expect(agenda.version).toBe(2);
    expect(await findMeeting(testDb.db, key)).toMatchObject({
      scheduledAt: "2026-03-19T14:00:00Z",
      facilitator: "Priya",
      version: 2,
    });
  });

  it("refuses a stale version and changes nothing", async () => {
    const { key } = await buildIncident(ctx);
    await updateMeeting(ctx, key, { facilitator: "Priya" });
    await updateMeeting(ctx, key, { facilitator: "Sam" }, 1);
    await expect(replaceAgenda(ctx, key, { sections: SHORT }, 1)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await getAgenda(testDb.db, key)).custom).toBe(false);
  });

  it("refuses a version for a meeting that does not exist yet", async () => {
    const { key } = await buildIncident(ctx);
    await expect(replaceAgenda(ctx, key, { sections: SHORT }, 3)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  const section = (i: number) => ({ key: `s${i}`, title: `Section ${i}`, minutes: 5 });

  it.each([
    [{ sections: [] }, "sections"],
    [{ sections: Array.from({ length: 13 }, (_, i) => section(i)) }, "sections"],
    [{ sections: [{ ...section(1), minutes: 0 }] }, "sections.0.minutes"],
    [{ sections: [{ ...section(1), minutes: 121 }] }, "sections.0.minutes"],
    [{ sections: [{ ...section(1), minutes: 2.5 }] }, "sections.0.minutes"],
    [{ sections: [section(1), { ...section(2), key: "s1" }] }, "sections.1.key"],
    [{ sections: [{ ...section(1), key: "Root Cause" }] }, "sections.0.key"],
    [{ sections: [{ ...section(1), title: "  " }] }, "sections.0.title"],
    [{ sections: [{ ...section(1), notes: "x" }] }, "sections.0.notes"],
    [{ agenda: [section(1)] }, "agenda"],
  ])("refuses %j, naming %s", async (raw, path) => {
    const { key } = await buildIncident(ctx);
    await expect(replaceAgenda(ctx, key, raw as never)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    expect(await findMeeting(testDb.db, key)).toBeUndefined();
  });

  it("accepts twelve sections of up to 120 minutes", async () => {
    const { key } = await buildIncident(ctx);
    const sections = Array.from({ length: 12 }, (_, i) => ({ ...section(i), minutes: 120 }));
    expect((await replaceAgenda(ctx, key, { sections })).totalMinutes).toBe(1440);
  });
});
