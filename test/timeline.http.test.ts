import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const openIncident = () => t.openIncident();

function addEntry(key: string, payload: Record<string, unknown>, role: "editor" | "viewer" = "editor") {
  return t.app.inject({
    method: "POST",
    url: `/api/v1/incidents/${key}/timeline`,
    headers: t.as(role),
    payload,
  });
}

describe("POST /api/v1/incidents/:key/timeline", () => {
  it("adds an entry stamped now and answers 201 with Location and ETag", async () => {
    const key = await openIncident();

    const res = await addEntry(key, { text: "Paged the on-call engineer", kind: "action" });

    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      incidentKey: key,
      occurredAt: "2026-03-18T16:00:00Z",
      kind: "action",
      text: "Paged the on-call engineer",
      author: t.users.editor.actor.name,
      source: "api",
      version: 1,
    });
    expect(res.headers.location).toBe(`/api/v1/incidents/${key}/timeline/${entry.id}`);
    expect(res.headers.etag).toBe('"1"');
    const read = await t.app.inject({ method: "GET", url: res.headers.location!, headers: t.as("viewer") });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(entry);
    expect(read.headers.etag).toBe('"1"');
  });

  it("refuses a time with an offset, naming occurredAt", async () => {
    const key = await openIncident();

    const res = await addEntry(key, { text: "Deploy 4812 started", occurredAt: "2026-03-18T14:02:00+01:00" });

    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([{ path: "occurredAt", message: expect.stringContaining("UTC") }]);
  });

  it("refuses a date that does not exist", async () => {
    const key = await openIncident();

    const res = await addEntry(key, { text: "Deploy 4812 started", occurredAt: "2026-02-30T10:00:00Z" });

    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["occurredAt"]);
  });

  it("refuses a time in the future", async () => {
    const key = await openIncident();

    const res = await addEntry(key, { text: "Later", occurredAt: "2026-03-18T17:00:00Z" });

    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "occurredAt", message: "must not be in the future" }]);
  });

  it("refuses an unknown field by name", async () => {
    const key = await openIncident();

    const res = await addEntry(key, { text: "Restarted pods", culprit: "bob" });

    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "culprit", message: "is not a known field" }]);
  });

  it("answers 404 for an incident that does not exist", async () => {
    const res = await addEntry("INC-999999", { text: "Nobody home" });

    expect(res.statusCode).toBe(404);
  });

  it("refuses a viewer (403) and an anonymous caller (401), storing nothing", async () => {
    const key = await openIncident();

    const viewer = await addEntry(key, { text: "Viewer note" }, "viewer");
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${key}/timeline`,
      payload: { text: "Anonymous note" },
    });
    const anonymousRead = await t.app.inject({ method: "GET", url: `/api/v1/incidents/${key}/timeline` });

    expect(viewer.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymousRead.statusCode).toBe(401);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/incidents/${key}/timeline`,
      headers: t.as("viewer"),
    });
    expect(list.json().items).toEqual([]);
  });
});

describe("GET /api/v1/incidents/:key/timeline", () => {
  it("lists in time order and pages with the cursor it returns", async () => {
    const key = await openIncident();
    for (const [occurredAt, text] of [
      ["2026-03-18T14:20:00Z", "Rolled back deploy 4812"],
      ["2026-03-18T14:02:00Z", "Alert fired"],
      ["2026-03-18T14:20:00Z", "Posted status update"],
    ]) {
      expect((await addEntry(key, { occurredAt, text })).statusCode).toBe(201);
    }
    const url = `/api/v1/incidents/${key}/timeline`;

    const first = await t.app.inject({ method: "GET", url: `${url}?limit=2`, headers: t.as("viewer") });
    const cursor = first.json().nextCursor as string;
    const second = await t.app.inject({
      method: "GET",
      url: `${url}?limit=2&cursor=${encodeURIComponent(cursor)}`,
      headers: t.as("viewer"),
    });

    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((e: { text: string }) => e.text)).toEqual([
      "Alert fired",
      "Rolled back deploy 4812",
    ]);
    expect(cursor).toEqual(expect.any(String));
    expect(second.json()).toEqual({
      items: [expect.objectContaining({ text: "Posted status update" })],
      nextCursor: null,
    });
  });

  it("refuses a limit above 1000 and an unknown filter", async () => {
    const key = await openIncident();
    const url = `/api/v1/incidents/${key}/timeline`;

    const tooMany = await t.app.inject({ method: "GET", url: `${url}?limit=1001`, headers: t.as("viewer") });
    const unknown = await t.app.inject({ method: "GET", url: `${url}?author=bob`, headers: t.as("viewer") });

    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors.map((e: { path: string }) => e.path)).toEqual(["limit"]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: "author", message: "is not a known field" }]);
  });

  it("answers 404 for an entry read through another incident", async () => {
    const key = await openIncident();
    const other = await openIncident();
    const entry = (await addEntry(key, { text: "Failed over" })).json();

    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/incidents/${other}/timeline/${entry.id}`,
      headers: t.as("viewer"),
    });

    expect(res.statusCode).toBe(404);
  });
});

describe("PATCH /api/v1/incidents/:key/timeline/:id", () => {
  it("needs If-Match (428), refuses a stale one (412) and applies a current one", async () => {
    const key = await openIncident();
    const entry = (await addEntry(key, { text: "Restarted workers" })).json();
    const url = `/api/v1/incidents/${key}/timeline/${entry.id}`;
    const patch = (headers: Record<string, string>, text: string) =>
      t.app.inject({ method: "PATCH", url, headers: t.as("editor", headers), payload: { text } });

    const missing = await patch({}, "no precondition");
    const applied = await patch({ "if-match": '"1"' }, "Restarted all three workers");
    const stale = await patch({ "if-match": '"1"' }, "stale write");

    expect(missing.statusCode).toBe(428);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(applied.statusCode).toBe(200);
    expect(applied.headers.etag).toBe('"2"');
    expect(applied.json()).toMatchObject({ text: "Restarted all three workers", version: 2 });
    expect(stale.statusCode).toBe(412);
    const read = await t.app.inject({ method: "GET", url, headers: t.as("viewer") });
    expect(read.json()).toMatchObject({ text: "Restarted all three workers", version: 2 });
  });

  it("refuses a viewer", async () => {
    const key = await openIncident();
    const entry = (await addEntry(key, { text: "Restarted workers" })).json();

    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/incidents/${key}/timeline/${entry.id}`,
      headers: t.as("viewer", { "if-match": '"1"' }),
      payload: { text: "viewer edit" },
    });

    expect(res.statusCode).toBe(403);
  });
});

describe("DELETE /api/v1/incidents/:key/timeline/:id", () => {
  it("removes the entry with 204, and refuses a stale If-Match with 412", async () => {
    const key = await openIncident();
    const keep = (await addEntry(key, { text: "Keep me" })).json();
    const drop = (await addEntry(key, { text: "Typo entry" })).json();
    const base = `/api/v1/incidents/${key}/timeline`;

    const stale = await t.app.inject({
      method: "DELETE",
      url: `${base}/${keep.id}`,
      headers: t.as("editor", { "if-match": '"7"' }),
    });
    const removed = await t.app.inject({
      method: "DELETE",
      url: `${base}/${drop.id}`,
      headers: t.as("editor"),
    });

    expect(stale.statusCode).toBe(412);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe("");
    const list = await t.app.inject({ method: "GET", url: base, headers: t.as("viewer") });
    expect(list.json().items.map((e: { text: string }) => e.text)).toEqual(["Keep me"]);
  });
});
