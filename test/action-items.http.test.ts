import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/users/user.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const openIncident = () => t.openIncident();

function addItem(key: string, payload: Record<string, unknown>, role: Role = "editor") {
  return t.app.inject({
    method: "POST",
    url: `/api/v1/incidents/${key}/action-items`,
    headers: t.as(role),
    payload,
  });
}

async function itemIn(
  key: string,
  payload: Record<string, unknown>,
): Promise<{ id: number; version: number }> {
  const res = await addItem(key, payload);
  expect(res.statusCode).toBe(201);
  return res.json();
}

function patchItem(id: number, payload: Record<string, unknown>, headers: Record<string, string>) {
  return t.app.inject({ method: "PATCH", url: `/api/v1/action-items/${id}`, headers, payload });
}

function get(url: string, role: Role = "viewer") {
  return t.app.inject({ method: "GET", url, headers: t.as(role) });
}

describe("POST /api/v1/incidents/:key/action-items", () => {
  it("adds an open item and answers 201 with Location and ETag", async () => {
    const key = await openIncident();
    const res = await addItem(key, { title: "Add a canary stage", owner: "Priya", dueDate: "2026-04-01" });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      incidentKey: key,
      title: "Add a canary stage",
      owner: "Priya",
      dueDate: "2026-04-01",
      type: "prevent",
      priority: "medium",
      status: "open",
      overdue: false,
      version: 1,
    });
    expect(res.headers.location).toBe(`/api/v1/action-items/${item.id}`);
    expect(res.headers.etag).toBe('"1"');
    const read = await get(res.headers.location!);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(item);
    expect(read.headers.etag).toBe('"1"');
  });

  it("answers 400 naming the field for a link that is not http(s)", async () => {
    const key = await openIncident();
    const res = await addItem(key, { title: "Fix it", externalUrl: "javascript:alert(1)" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([{ path: "externalUrl", message: expect.any(String) }]);
  });

  it("answers 400 for an unknown field", async () => {
    const key = await openIncident();
    const res = await addItem(key, { title: "Fix it", status: "done" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["status"]);
  });

  it("answers 403 to a viewer and adds nothing", async () => {
    const key = await openIncident();
    const res = await addItem(key, { title: "Fix it" }, "viewer");
    expect(res.statusCode).toBe(403);
    expect((await get(`/api/v1/incidents/${key}/action-items`)).json().items).toEqual([]);
  });

  it("answers 404 for an incident that does not exist", async () => {
    expect((await addItem("INC-9999", { title: "Fix it" })).statusCode).toBe(404);
  });
});

describe("GET /api/v1/incidents/:key/action-items", () => {
  it("pages through the post-mortem's items in the order they were added", async () => {
    const key = await openIncident();
    for (const title of ["one", "two", "three"]) await itemIn(key, { title });
    const first = await get(`/api/v1/incidents/${key}/action-items?limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((i: { title: string }) => i.title)).toEqual(["one", "two"]);
    const cursor = first.json().nextCursor as string;
    const second = await get(`/api/v1/incidents/${key}/action-items?limit=2&cursor=${cursor}`);
    expect(second.json()).toMatchObject({ items: [{ title: "three" }], nextCursor: null });
  });

  it("needs a signed-in caller", async () => {
    const key = await openIncident();
    const res = await t.app.inject({ method: "GET", url: `/api/v1/incidents/${key}/action-items` });
    expect(res.statusCode).toBe(401);
  });
});

describe("PATCH /api/v1/action-items/:id", () => {
  it("edits with a matching If-Match and returns the new ETag", async () => {
    const key = await openIncident();
    const item = await itemIn(key, { title: "Add a canary stage" });
    const res = await patchItem(item.id, { status: "done" }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "done", completedAt: "2026-03-18T16:00:00Z", version: 2 });
    expect(res.headers.etag).toBe('"2"');
  });

  it("answers 428 without If-Match and 412 with a stale one, changing nothing", async () => {
    const key = await openIncident();
    const item = await itemIn(key, { title: "Add a canary stage" });
    expect((await patchItem(item.id, { title: "No header" }, t.as("editor"))).statusCode).toBe(428);
    expect(
      (await patchItem(item.id, { owner: "Sam" }, t.as("editor", { "if-match": '"1"' }))).statusCode,
    ).toBe(200);
    const stale = await patchItem(item.id, { title: "Lost update" }, t.as("editor", { "if-match": '"1"' }));
    expect(stale.statusCode).toBe(412);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    const read = await get(`/api/v1/action-items/${item.id}`);
    expect(read.json()).toMatchObject({ title: "Add a canary stage", owner: "Sam", version: 2 });
    expect(read.headers.etag).toBe('"2"');
  });

  it("answers 400 naming wontDoReason when won't do comes without a reason", async () => {
    const key = await openIncident();
    const item = await itemIn(key, { title: "Add a canary stage" });
    const res = await patchItem(item.id, { status: "wont_do" }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "wontDoReason", message: expect.any(String) }]);
    expect((await get(`/api/v1/action-items/${item.id}`)).json()).toMatchObject({
      status: "open",
      version: 1,
    });
  });

  it("answers 400 naming the field for a bad due date", async () => {
    const key = await openIncident();
    const item = await itemIn(key, { title: "Add a canary stage" });
    const res = await patchItem(item.id, { dueDate: "2026-13-01" }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["dueDate"]);
  });

  it("answers 403 to a viewer", async () => {
    const key = await openIncident();
    const item = await itemIn(key, { title: "Add a canary stage" });
    const res = await patchItem(item.id, { title: "Viewer edit" }, t.as("viewer", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(403);
    expect((await get(`/api/v1/action-items/${item.id}`)).json().title).toBe("Add a canary stage");
  });

  it("answers 404 for an item that does not exist", async () => {
    const res = await patchItem(999_999, { title: "x" }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(404);
    expect((await get("/api/v1/action-items/999999")).statusCode).toBe(404);
  });
});

describe("GET /api/v1/action-items", () => {
  it("filters by owner, status, overdue and incident", async () => {
    const key = await openIncident();
    const other = await openIncident();
    const late = await itemIn(key, { title: "late", owner: "Board Owner", dueDate: "2026-03-01" });
    await itemIn(key, { title: "soon", owner: "board owner", dueDate: "2026-03-30" });
    const started = await itemIn(key, { title: "started", owner: "Board Owner" });
    await patchItem(started.id, { status: "in_progress" }, t.as("editor", { "if-match": '"1"' }));
    await itemIn(other, { title: "elsewhere", owner: "Board Owner", dueDate: "2026-03-02" });

    const titles = async (query: string) => {
      const res = await get(`/api/v1/action-items?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { title: string }) => i.title);
    };
    expect(await titles("owner=BOARD%20OWNER")).toEqual(["late", "elsewhere", "soon", "started"]);
    expect(await titles(`owner=board%20owner&incident=${key}`)).toEqual(["late", "soon", "started"]);
    expect(await titles("owner=Board%20Owner&status=in_progress")).toEqual(["started"]);
    expect(await titles("owner=Board%20Owner&overdue=true")).toEqual(["late", "elsewhere"]);
    expect(await titles(`incident=${key}&overdue=false`)).toEqual(["soon", "started"]);
    await itemIn(other, { title: "by e-mail", owner: "owner@example.com", dueDate: "2026-03-03" });
    expect(await titles("owner=Board%20Owner&owner=OWNER%40example.com&overdue=true")).toEqual([
      "late",
      "elsewhere",
      "by e-mail",
    ]);
    expect((await get(`/api/v1/action-items/${late.id}`)).json().overdue).toBe(true);
  });

  it.each([
    ["overdue=yes", "overdue"],
    ["status=closed", "status"],
    ["incident=42", "incident"],
    ["limit=0", "limit"],
    ["team=sre", "team"],
    ["owner=Sam&owner=%20", "owner"],
    [`${"owner=a&".repeat(11)}limit=5`, "owner"],
  ])("answers 400 for ?%s naming %s", async (query, path) => {
    const res = await get(`/api/v1/action-items?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });
});
