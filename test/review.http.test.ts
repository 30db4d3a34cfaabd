import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Postmortem } from "../src/postmortems/postmortem.ts";
import type { Agenda } from "../src/process/agenda.ts";
import type { MeetingModeState } from "../src/process/meeting-mode.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://hindsight.example.com" });
});
afterAll(() => t.close());

const url = (key: string, rest = "") => `/api/v1/incidents/${key}/postmortem${rest}`;
type Role = "viewer" | "editor" | "admin";

async function call(
  method: "GET" | "POST" | "PUT" | "PATCH",
  path: string,
  role: Role,
  options: {
    payload?: unknown;
    ifMatch?: string;
  } = {},
) {
  const headers = t.as(role, options.ifMatch ? { "if-match": options.ifMatch } : {});
  return t.app.inject({
    method,
    url: path,
    headers,
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
  });
}

/** An incident whose post-mortem has its sections and an action item, but no meeting yet. */
async function writtenUp(): Promise<string> {
  t.clock.set("2026-03-18T16:00:00Z");
  const key = await t.openIncident();
  await call("PATCH", url(key), "editor", {
    ifMatch: '"1"',
    payload: { rootCause: "Connection leak", detection: "5xx alert", resolution: "Rollback" },
  });
  await call("POST", `/api/v1/incidents/${key}/action-items`, "editor", {
    payload: { title: "Add a leak check" },
  });
  return key;
}

async function holdMeeting(key: string): Promise<void> {
  const response = await call("PATCH", url(key, "/meeting"), "editor", {
    payload: { heldAt: "2026-03-18T15:00:00Z", attendees: [{ name: "Priya", email: "priya@example.com" }] },
  });
  expect(response.statusCode).toBe(200);
}

describe("POST …/postmortem/submit", () => {
  it("moves a draft to in review, once", async () => {
    const key = await writtenUp();
    const submitted = await call("POST", url(key, "/submit"), "editor");
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<Postmortem>().status).toBe("in_review");
    expect(submitted.headers.etag).toBe('"3"');
    const again = await call("POST", url(key, "/submit"), "editor");
    expect(again.statusCode).toBe(409);
    expect(again.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("is refused to viewers", async () => {
    const key = await writtenUp();
    expect((await call("POST", url(key, "/submit"), "viewer")).statusCode).toBe(403);
  });
});

describe("POST …/postmortem/publish", () => {
  it("refuses with 409 problem+json naming the missing meeting", async () => {
    const key = await writtenUp();
    const response = await call("POST", url(key, "/publish"), "editor", { ifMatch: '"2"', payload: {} });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 409,
      detail: expect.stringContaining("no-meeting"),
      errors: [{ path: "meeting", message: expect.stringMatching(/^no review meeting was held/) }],
    });
  });

  it("needs If-Match, and refuses a stale one", async () => {
    const key = await writtenUp();
    await holdMeeting(key);
    expect((await call("POST", url(key, "/publish"), "editor", { payload: {} })).statusCode).toBe(428);
    expect(
      (await call("POST", url(key, "/publish"), "editor", { ifMatch: '"1"', payload: {} })).statusCode,
    ).toBe(412);
  });

  it("publishes once the meeting was held, with or without a body", async () => {
    const key = await writtenUp();
    await holdMeeting(key);
    const response = await call("POST", url(key, "/publish"), "editor", { ifMatch: '"2"' });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.json<Postmortem>()).toMatchObject({
      status: "published",
      publishedAt: "2026-03-18T16:00:00Z",
    });
  });

  it("lets an admin override a missing meeting with a reason, but not an editor", async () => {
    const key = await writtenUp();
    const payload = { override: { reason: "Reviewed in writing across time zones" } };
    const editor = await call("POST", url(key, "/publish"), "editor", { ifMatch: '"2"', payload });
    expect(editor.statusCode).toBe(403);
    const admin = await call("POST", url(key, "/publish"), "admin", { ifMatch: '"2"', payload });
    expect(admin.statusCode).toBe(200);
    expect(admin.json<Postmortem>().status).toBe("published");
  });

  it("closes the post-mortem when its last action item is done, and reopens it when the item reopens", async () => {
    const key = await writtenUp();
    await holdMeeting(key);
    await call("POST", url(key, "/publish"), "editor", { ifMatch: '"2"' });
    const items = await call("GET", `/api/v1/incidents/${key}/action-items`, "viewer");
    const item = items.json<{ items: { id: number; version: number }[] }>().items[0]!;
    t.clock.set("2026-03-25T12:00:00Z");
    await call("PATCH", `/api/v1/action-items/${item.id}`, "editor", {
      ifMatch: `"${item.version}"`,
      payload: { status: "done" },
    });
    const closed = await call("GET", url(key), "viewer");
    expect(closed.json<Postmortem>()).toMatchObject({ status: "closed", closedAt: "2026-03-25T12:00:00Z" });
    await call("PATCH", `/api/v1/action-items/${item.id}`, "editor", {
      ifMatch: `"${item.version + 1}"`,
      payload: { status: "open" },
    });
    expect((await call("GET", url(key), "viewer")).json<Postmortem>()).toMatchObject({
      status: "published",
      closedAt: null,
    });
  });
});

describe("…/postmortem/meeting/agenda", () => {
  it("reads the default agenda and replaces it, with the meeting's version as ETag", async () => {
    const key = await writtenUp();
    const initial = await call("GET", url(key, "/meeting/agenda"), "viewer");
    expect(initial.statusCode).toBe(200);
    expect(initial.json<Agenda>()).toMatchObject({ totalMinutes: 50, custom: false });
    const sections = [
      { key: "framing", title: "Blameless framing", minutes: 5 },
      { key: "timeline", title: "Timeline", minutes: 25 },
    ];
    const replaced = await call("PUT", url(key, "/meeting/agenda"), "editor", { payload: { sections } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.headers.etag).toBe('"1"');
    expect(replaced.json<Agenda>()).toMatchObject({ totalMinutes: 30, custom: true });
    const again = await call("PUT", url(key, "/meeting/agenda"), "editor", { payload: { sections } });
    expect(again.statusCode).toBe(428);
  });

  it("refuses a bad agenda with 400 naming the field, and viewers with 403", async () => {
    const key = await writtenUp();
    const sections = [{ key: "a", title: "A", minutes: 121 }];
    const bad = await call("PUT", url(key, "/meeting/agenda"), "editor", { payload: { sections } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ path: "sections.0.minutes" }] });
    const viewer = await call("PUT", url(key, "/meeting/agenda"), "viewer", { payload: { sections } });
    expect(viewer.statusCode).toBe(403);
  });
});

describe("GET …/postmortem/meeting.ics", () => {
  it("downloads an invitation that a separate parser reads back", async () => {
    const key = await writtenUp();
    await call("PATCH", url(key, "/meeting"), "editor", {
      payload: {
        scheduledAt: "2026-03-19T14:00:00Z",
        facilitator: "Priya",
        attendees: [
          { name: "Priya", email: "priya@example.com" },
          { name: "Sam", email: "sam@example.com" },
        ],
      },
    });
    const response = await call("GET", url(key, "/meeting.ics"), "viewer");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${key}-review.ics"`);
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(`postmortem-${key}@hindsight.example.com`);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-19T14:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-19T14:50:00.000Z");
    expect(event.attendees).toHaveLength(2);
    expect(event.description).toContain("+2 min (14:02 UTC): Review the timeline (10 min)");
    expect(event.description).toContain(`https://hindsight.example.com/incidents/${key}/postmortem`);
  });

  it("answers 404 without a meeting and 409 while it is not scheduled", async () => {
    const key = await writtenUp();
    expect((await call("GET", url(key, "/meeting.ics"), "viewer")).statusCode).toBe(404);
    await call("PATCH", url(key, "/meeting"), "editor", { payload: { facilitator: "Priya" } });
    const unscheduled = await call("GET", url(key, "/meeting.ics"), "viewer");
    expect(unscheduled.statusCode).toBe(409);
    expect(unscheduled.json()).toMatchObject({ errors: [{ path: "scheduledAt" }] });
  });
});

describe("…/postmortem/meeting/mode", () => {
  it("lets every browser follow the same section as the clock moves", async () => {
    const key = await writtenUp();
    t.clock.set("2026-03-19T14:00:00Z");
    const start = await call("POST", url(key, "/meeting/mode"), "editor", { payload: { action: "start" } });
    expect(start.statusCode).toBe(200);
    expect(start.headers.etag).toBe('"1"');
    t.clock.advance(100_000);
    const seen = await call("GET", url(key, "/meeting/mode"), "viewer");
    expect(seen.json<MeetingModeState>()).toMatchObject({
      active: true,
      section: { index: 0, minutes: 2 },
      remainingSeconds: 20,
      elapsedSeconds: 100,
    });
    const stale = await call("POST", url(key, "/meeting/mode"), "editor", {
      ifMatch: '"0"',
      payload: { action: "next" },
    });
    expect(stale.statusCode).toBe(412);
    const next = await call("POST", url(key, "/meeting/mode"), "editor", {
      ifMatch: '"1"',
      payload: { action: "next" },
    });
    expect(next.json<MeetingModeState>()).toMatchObject({
      section: { index: 1, key: "timeline" },
      remainingSeconds: 600,
    });
    t.clock.advance(45 * 60_000);
    const end = await call("POST", url(key, "/meeting/mode"), "editor", {
      ifMatch: '"2"',
      payload: { action: "end" },
    });
    expect(end.json<MeetingModeState>()).toMatchObject({ active: false, heldAt: "2026-03-19T14:00:00Z" });
  });

  it("needs If-Match once the meeting exists, and refuses viewers", async () => {
    const key = await writtenUp();
    await call("POST", url(key, "/meeting/mode"), "editor", { payload: { action: "start" } });
    expect(
      (await call("POST", url(key, "/meeting/mode"), "editor", { payload: { action: "next" } })).statusCode,
    ).toBe(428);
    expect(
      (
        await call("POST", url(key, "/meeting/mode"), "viewer", {
          ifMatch: '"1"',
          payload: { action: "next" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("refuses goto without a section with 400", async () => {
    const key = await writtenUp();
    const response = await call("POST", url(key, "/meeting/mode"), "editor", { payload: { action: "goto" } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: "section" }] });
  });
});
