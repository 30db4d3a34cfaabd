import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting, Postmortem } from "../src/postmortems/postmortem.ts";
import { buildCtx, buildIncident } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function newIncidentKey(): Promise<string> {
  return (await buildIncident(buildCtx(t.testDb.db, { clock: t.clock }))).key;
}

const url = (key: string, rest = "") => `/api/v1/incidents/${key}/postmortem${rest}`;

describe("GET /api/v1/incidents/:key/postmortem", () => {
  it("returns the draft created with the incident, with an ETag", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: t.as("editor"),
      payload: { title: "Checkout API outage", severity: "P1", startedAt: "2026-03-18T14:02:00Z" },
    });
    const key = created.json<{ key: string }>().key;
    const response = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json<Postmortem>()).toMatchObject({
      incidentKey: key,
      status: "draft",
      summary: "",
      meeting: null,
      version: 1,
    });
  });

  it("answers 404 for an unknown incident and 401 without credentials", async () => {
    const missing = await t.app.inject({ method: "GET", url: url("INC-987654"), headers: t.as("viewer") });
    expect(missing.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: "GET", url: url(await newIncidentKey()) });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("PATCH /api/v1/incidents/:key/postmortem", () => {
  it("needs If-Match (428)", async () => {
    const key = await newIncidentKey();
    const response = await t.app.inject({
      method: "PATCH",
      url: url(key),
      headers: t.as("editor"),
      payload: { summary: "x" },
    });
    expect(response.statusCode).toBe(428);
  });

  it("saves with a current If-Match and returns the new ETag", async () => {
    const key = await newIncidentKey();
    const response = await t.app.inject({
      method: "PATCH",
      url: url(key),
      headers: t.as("editor", { "if-match": '"1"' }),
      payload: {
        rootCause: "Connection leak",
        contributingFactors: ["No pool alert", "Friday release"],
        appendix: [{ title: "Dashboard", url: "https://grafana.example.com/d/1" }],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const read = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(read.json<Postmortem>()).toMatchObject({
      rootCause: "Connection leak",
      contributingFactors: ["No pool alert", "Friday release"],
      appendix: [{ title: "Dashboard", url: "https://grafana.example.com/d/1" }],
    });
  });

  it("answers 412 to a stale If-Match and changes nothing", async () => {
    const key = await newIncidentKey();
    const headers = t.as("editor", { "if-match": '"1"' });
    await t.app.inject({ method: "PATCH", url: url(key), headers, payload: { summary: "first" } });
    const stale = await t.app.inject({
      method: "PATCH",
      url: url(key),
      headers,
      payload: { summary: "second", contributingFactors: ["lost"] },
    });
    expect(stale.statusCode).toBe(412);
    const read = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(read.json<Postmortem>()).toMatchObject({ summary: "first", contributingFactors: [], version: 2 });
  });

  it("names the offending fields in a 400", async () => {
    const key = await newIncidentKey();
    const response = await t.app.inject({
      method: "PATCH",
      url: url(key),
      headers: t.as("editor", { "if-match": '"1"' }),
      payload: {
        contributingFactors: ["fine", ""],
        appendix: [{ title: "Click", url: "javascript:alert(1)" }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(["appendix.0.url", "contributingFactors.1"]);
  });

  it("is refused to a viewer (403)", async () => {
    const key = await newIncidentKey();
    const response = await t.app.inject({
      method: "PATCH",
      url: url(key),
      headers: t.as("viewer", { "if-match": '"1"' }),
      payload: { summary: "x" },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("/api/v1/incidents/:key/postmortem/meeting", () => {
  it("answers 404 before the meeting exists, then creates it without If-Match", async () => {
    const key = await newIncidentKey();
    const before = await t.app.inject({ method: "GET", url: url(key, "/meeting"), headers: t.as("viewer") });
    expect(before.statusCode).toBe(404);

    const created = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: t.as("editor"),
      payload: { scheduledAt: "2026-03-19T14:00:00Z", attendees: [{ name: "Sam" }] },
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers.etag).toBe('"1"');

    const read = await t.app.inject({ method: "GET", url: url(key, "/meeting"), headers: t.as("viewer") });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json<Meeting>()).toMatchObject({
      scheduledAt: "2026-03-19T14:00:00Z",
      attendees: [{ name: "Sam", email: null }],
    });
  });

  it("needs If-Match once the meeting exists: 428 without, 412 stale, 200 current", async () => {
    const key = await newIncidentKey();
    const editor = (extra: Record<string, string> = {}) => t.as("editor", extra);
    await t.app.inject({ method: "PATCH", url: url(key, "/meeting"), headers: editor(), payload: {} });

    const missing = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: editor(),
      payload: { facilitator: "Sam" },
    });
    expect(missing.statusCode).toBe(428);

    const ok = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: editor({ "if-match": '"1"' }),
      payload: { facilitator: "Priya" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');

    const stale = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: editor({ "if-match": '"1"' }),
      payload: { facilitator: "Jo" },
    });
    expect(stale.statusCode).toBe(412);
    const read = await t.app.inject({ method: "GET", url: url(key, "/meeting"), headers: t.as("viewer") });
    expect(read.json<Meeting>().facilitator).toBe("Priya");
  });

  it("names a held time in the future and is refused to a viewer", async () => {
    const key = await newIncidentKey();
    const future = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: t.as("editor"),
      payload: { heldAt: "2026-03-25T10:00:00Z" },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["heldAt"]);

    const viewer = await t.app.inject({
      method: "PATCH",
      url: url(key, "/meeting"),
      headers: t.as("viewer"),
      payload: { facilitator: "Sam" },
    });
    expect(viewer.statusCode).toBe(403);
  });
});

describe("/api/v1/incidents/:key/postmortem/checklist/:item", () => {
  it("ticks an item as the signed-in user and unticks it", async () => {
    const key = await newIncidentKey();
    const ticked = await t.app.inject({
      method: "PUT",
      url: url(key, "/checklist/timeline-reviewed"),
      headers: t.as("editor"),
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json<Postmortem>().checklist.find((c) => c.item === "timeline-reviewed")).toEqual({
      item: "timeline-reviewed",
      phase: "during",
      tickedBy: t.users.editor.actor.name,
      tickedAt: "2026-03-18T16:00:00Z",
    });

    const cleared = await t.app.inject({
      method: "DELETE",
      url: url(key, "/checklist/timeline-reviewed"),
      headers: t.as("editor"),
    });
    expect(cleared.statusCode).toBe(200);
    expect(
      cleared.json<Postmortem>().checklist.find((c) => c.item === "timeline-reviewed")?.tickedAt,
    ).toBeNull();
  });

  it("answers 400 naming item for an unknown item, and 403 to a viewer", async () => {
    const key = await newIncidentKey();
    const unknown = await t.app.inject({
      method: "PUT",
      url: url(key, "/checklist/find-the-culprit"),
      headers: t.as("editor"),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["item"]);

    const viewer = await t.app.inject({
      method: "PUT",
      url: url(key, "/checklist/timeline-reviewed"),
      headers: t.as("viewer"),
    });
    expect(viewer.statusCode).toBe(403);
  });
});
