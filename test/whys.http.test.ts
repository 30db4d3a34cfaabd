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

interface Why {
  id: number;
  parentId: number | null;
  position: number;
  text: string;
  actionItemId: number | null;
  version: number;
  children: Why[];
}

const openIncident = () => t.openIncident();

const whysUrl = (key: string) => `/api/v1/incidents/${key}/postmortem/whys`;

function postWhy(key: string, payload: Record<string, unknown>, role: Role = "editor") {
  return t.app.inject({ method: "POST", url: whysUrl(key), headers: t.as(role), payload });
}

async function addWhy(key: string, parentId: number | null, text: string): Promise<Why> {
  const res = await postWhy(key, { parentId, text });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function forest(key: string): Promise<Why[]> {
  const res = await t.app.inject({ method: "GET", url: whysUrl(key), headers: t.as("viewer") });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function patchWhy(
  key: string,
  id: number,
  payload: Record<string, unknown>,
  headers: Record<string, string>,
) {
  return t.app.inject({ method: "PATCH", url: `${whysUrl(key)}/${id}`, headers, payload });
}

describe("POST /api/v1/incidents/:key/postmortem/whys", () => {
  it("starts an analysis and nests answers; GET returns the forest", async () => {
    const key = await openIncident();
    const res = await postWhy(key, { parentId: null, text: "Checkout returned 500s" });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const root = res.json<Why>();
    const pool = await addWhy(key, root.id, "The database pool was exhausted");
    await addWhy(key, pool.id, "A deploy leaked connections");
    await addWhy(key, root.id, "Retries multiplied the load");

    expect(await forest(key)).toEqual([
      {
        ...root,
        children: [
          {
            ...pool,
            children: [expect.objectContaining({ text: "A deploy leaked connections", position: 0 })],
          },
          expect.objectContaining({ text: "Retries multiplied the load", position: 1, children: [] }),
        ],
      },
    ]);
  });

  it("answers 400 naming parentId for a parent of another post-mortem", async () => {
    const key = await openIncident();
    const other = await openIncident();
    const foreign = await addWhy(other, null, "Something else");
    const res = await postWhy(key, { parentId: foreign.id, text: "Because" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "parentId", message: expect.any(String) }]);
    expect(await forest(key)).toEqual([]);
  });

  it("answers 400 naming the field for empty text", async () => {
    const key = await openIncident();
    const res = await postWhy(key, { parentId: null, text: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["text"]);
  });

  it("answers 403 to a viewer and 404 for an unknown incident", async () => {
    const key = await openIncident();
    expect((await postWhy(key, { parentId: null, text: "Viewer" }, "viewer")).statusCode).toBe(403);
    expect(await forest(key)).toEqual([]);
    expect((await postWhy("INC-9999", { parentId: null, text: "x" })).statusCode).toBe(404);
  });
});

describe("PATCH /api/v1/incidents/:key/postmortem/whys/:id", () => {
  it("moves a why with a matching If-Match and returns the new ETag", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const a = await addWhy(key, root.id, "A");
    const b = await addWhy(key, root.id, "B");
    const res = await patchWhy(
      key,
      b.id,
      { parentId: a.id, text: "B under A" },
      t.as("editor", { "if-match": '"1"' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: b.id,
      parentId: a.id,
      position: 0,
      text: "B under A",
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    const [tree] = await forest(key);
    expect(tree!.children.map((n) => n.text)).toEqual(["A"]);
    expect(tree!.children[0]!.children.map((n) => n.text)).toEqual(["B under A"]);
  });

  it("answers 428 without If-Match and 412 with a stale one, changing nothing", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    expect((await patchWhy(key, root.id, { text: "no header" }, t.as("editor"))).statusCode).toBe(428);
    expect(
      (await patchWhy(key, root.id, { text: "v2" }, t.as("editor", { "if-match": '"1"' }))).statusCode,
    ).toBe(200);
    const stale = await patchWhy(key, root.id, { text: "lost" }, t.as("editor", { "if-match": '"1"' }));
    expect(stale.statusCode).toBe(412);
    expect(await forest(key)).toEqual([expect.objectContaining({ text: "v2", version: 2 })]);
  });

  it("answers 409 naming parentId for a move under its own answer", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const child = await addWhy(key, root.id, "child");
    const res = await patchWhy(key, root.id, { parentId: child.id }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["parentId"]);
  });

  it("answers 400 naming the field for a bad position", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const res = await patchWhy(key, root.id, { position: -1 }, t.as("editor", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["position"]);
  });

  it("answers 403 to a viewer", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const res = await patchWhy(key, root.id, { text: "viewer" }, t.as("viewer", { "if-match": '"1"' }));
    expect(res.statusCode).toBe(403);
    expect((await forest(key))[0]!.text).toBe("root");
  });
});

describe("DELETE /api/v1/incidents/:key/postmortem/whys/:id", () => {
  it("removes a why and its answers with 204, keeping the action item made from one", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const a = await addWhy(key, root.id, "A");
    const leaf = await addWhy(key, a.id, "leaf");
    await addWhy(key, root.id, "B");
    const made = await t.app.inject({
      method: "POST",
      url: `${whysUrl(key)}/${leaf.id}/action-item`,
      headers: t.as("editor"),
      payload: {},
    });
    expect(made.statusCode).toBe(201);

    const res = await t.app.inject({
      method: "DELETE",
      url: `${whysUrl(key)}/${a.id}`,
      headers: t.as("editor"),
    });
    expect(res.statusCode).toBe(204);
    expect((await forest(key))[0]!.children).toEqual([expect.objectContaining({ text: "B", position: 0 })]);
    const item = await t.app.inject({ method: "GET", url: made.headers.location!, headers: t.as("viewer") });
    expect(item.json()).toMatchObject({ title: "leaf", whyNodeId: null });
  });

  it("answers 412 to a stale If-Match and removes nothing", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    await patchWhy(key, root.id, { text: "v2" }, t.as("editor", { "if-match": '"1"' }));
    const res = await t.app.inject({
      method: "DELETE",
      url: `${whysUrl(key)}/${root.id}`,
      headers: t.as("editor", { "if-match": '"1"' }),
    });
    expect(res.statusCode).toBe(412);
    expect(await forest(key)).toHaveLength(1);
  });

  it("answers 403 to a viewer", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const res = await t.app.inject({
      method: "DELETE",
      url: `${whysUrl(key)}/${root.id}`,
      headers: t.as("viewer"),
    });
    expect(res.statusCode).toBe(403);
    expect(await forest(key)).toHaveLength(1);
  });
});

describe("POST /api/v1/incidents/:key/postmortem/whys/:id/action-item", () => {
  function turn(key: string, id: number, payload?: Record<string, unknown>, role: Role = "editor") {
    return t.app.inject({
      method: "POST",
      url: `${whysUrl(key)}/${id}/action-item`,
      headers: t.as(role),
      ...(payload ? { payload } : {}),
    });
  }

  it("turns a leaf into an action item with 201, Location and ETag", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "Checkout failed");
    const leaf = await addWhy(key, root.id, "Deploys skip the load test");
    const res = await turn(key, leaf.id, { owner: "Priya", priority: "high" });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      incidentKey: key,
      title: "Deploys skip the load test",
      owner: "Priya",
      priority: "high",
      whyNodeId: leaf.id,
    });
    expect(res.headers.location).toBe(`/api/v1/action-items/${item.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect((await forest(key))[0]!.children[0]!.actionItemId).toBe(item.id);
  });

  it("accepts a request without a body", async () => {
    const key = await openIncident();
    const leaf = await addWhy(key, null, "Only a root");
    const res = await turn(key, leaf.id);
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toBe("Only a root");
  });

  it("answers 409 for a why with answers and for a second time", async () => {
    const key = await openIncident();
    const root = await addWhy(key, null, "root");
    const leaf = await addWhy(key, root.id, "leaf");
    expect((await turn(key, root.id, {})).statusCode).toBe(409);
    expect((await turn(key, leaf.id, {})).statusCode).toBe(201);
    expect((await turn(key, leaf.id, {})).statusCode).toBe(409);
    const items = await t.app.inject({
      method: "GET",
      url: `/api/v1/incidents/${key}/action-items`,
      headers: t.as("viewer"),
    });
    expect(items.json().items).toHaveLength(1);
  });

  it("answers 400 naming the field and 403 to a viewer", async () => {
    const key = await openIncident();
    const leaf = await addWhy(key, null, "leaf");
    const bad = await turn(key, leaf.id, { dueDate: "tomorrow" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(["dueDate"]);
    expect((await turn(key, leaf.id, {}, "viewer")).statusCode).toBe(403);
    expect((await forest(key))[0]!.actionItemId).toBeNull();
  });
});
