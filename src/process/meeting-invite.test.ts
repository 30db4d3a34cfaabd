import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { replaceAgenda } from "./agenda.ts";
import { meetingInvite } from "./meeting-invite.ts";

let testDb: TestDb;
let ctx: Ctx;
const site = { baseUrl: "https://hindsight.example.com/" };

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-19T09:00:00Z") });
});
afterAll(() => testDb.destroy());

/** Parses the invitation with ical.js, a parser independent of the library that wrote it. */
function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

async function scheduled(overrides: Parameters<typeof updateMeeting>[2] = {}) {
  const incident = await buildIncident(ctx, { title: "Checkout API outage", severity: "P1" });
  await updateMeeting(ctx, incident.key, {
    scheduledAt: "2026-03-19T14:00:00Z",
    facilitator: "Priya Natarajan",
    attendees: [
      { name: "Priya Natarajan", email: "priya@example.com" },
      { name: "Sam Okafor", email: "sam@example.com" },
      { name: "Alex Chen" },
    ],
    ...overrides,
  });
  return incident.key;
}

describe("meetingInvite", () => {
  it("is a METHOD:REQUEST invitation with the meeting's times in UTC", async () => {
    const key = await scheduled({ durationMinutes: 60 });
    const invite = await meetingInvite(ctx, key, site);
    expect(invite).toMatchObject({
      filename: `${key}-review.ics`,
      contentType: "text/calendar; charset=utf-8",
    });
    const { calendar, event } = parse(invite.body);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(event.startDate.zone?.tzid).toBe("UTC");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-19T14:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-19T15:00:00.000Z");
    expect(event.summary).toBe(`Post-mortem review: ${key} Checkout API outage`);
  });

  it("invites every attendee with an e-mail address, organised by the facilitator", async () => {
    const key = await scheduled();
    const { event } = parse((await meetingInvite(ctx, key, site)).body);
    expect(event.organizer).toBe("mailto:priya@example.com");
    expect(
      event.attendees.map((a) => [a.getParameter("cn"), String(a.getFirstValue()).toLowerCase()]),
    ).toEqual([
      ["Priya Natarajan", "mailto:priya@example.com"],
      ["Sam Okafor", "mailto:sam@example.com"],
    ]);
    expect(event.attendees.every((a) => a.getParameter("rsvp") === "TRUE")).toBe(true);
  });

  it("falls back to a no-reply organizer address when the facilitator's is unknown", async () => {
    const key = await scheduled({ facilitator: "Jordan Lee" });
    const { vevent } = parse((await meetingInvite(ctx, key, site)).body);
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getParameter("cn")).toBe("Jordan Lee");
    expect(organizer.getFirstValue()).toBe("mailto:noreply@hindsight.example.com");
  });

  it("carries the agenda with each section's length and start, and a link to the post-mortem", async () => {
    const key = await scheduled();
    const { event } = parse((await meetingInvite(ctx, key, site)).body);
    const link = `https://hindsight.example.com/incidents/${key}/postmortem`;
    expect(event.description).toContain("Agenda (50 minutes):");
    expect(event.description).toContain("+0 min (14:00 UTC): Set the stage: blameless framing (2 min)");
    expect(event.description).toContain(
      "+12 min (14:12 UTC): Discuss root cause and contributing factors (15 min)",
    );
    expect(event.description).toContain("+47 min (14:47 UTC): What went well (3 min)");
    expect(event.description).toContain(`Post-mortem: ${link}`);
    expect(event.component.getFirstPropertyValue("url")).toBe(link);
  });

  it("keeps its UID and raises its SEQUENCE when the meeting changes, so calendars update the event", async () => {
    const key = await scheduled();
    const first = parse((await meetingInvite(ctx, key, site)).body).event;
    expect(first.uid).toBe(`postmortem-${key}@hindsight.example.com`);
    expect(first.sequence).toBe(1);
    await updateMeeting(ctx, key, { scheduledAt: "2026-03-20T09:30:00Z" }, 1);
    await replaceAgenda(ctx, key, { sections: [{ key: "all", title: "Whole review", minutes: 40 }] }, 2);
    const second = parse((await meetingInvite(ctx, key, site)).body).event;
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(3);
    expect(second.startDate.toJSDate().toISOString()).toBe("2026-03-20T09:30:00.000Z");
    expect(second.description).toContain("+0 min (09:30 UTC): Whole review (40 min)");
  });

  it("keeps commas and semicolons of titles intact", async () => {
    const incident = await buildIncident(ctx, { title: "Payments; refunds, and retries" });
    await updateMeeting(ctx, incident.key, { scheduledAt: "2026-03-19T14:00:00Z" });
    const { event } = parse((await meetingInvite(ctx, incident.key, site)).body);
    expect(event.summary).toBe(`Post-mortem review: ${incident.key} Payments; refunds, and retries`);
  });

  it("is not found without a meeting, and a conflict until the meeting is scheduled", async () => {
    const { key } = await buildIncident(ctx);
    await expect(meetingInvite(ctx, key, site)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateMeeting(ctx, key, { facilitator: "Priya" });
    await expect(meetingInvite(ctx, key, site)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "scheduledAt" }],
    });
  });
});
