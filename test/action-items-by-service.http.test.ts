import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/users/user.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
let checkout: string;
let shared: string;

beforeAll(async () => {
  t = await createTestApp();
  checkout = await t.openIncident({ services: ["checkout-api"] });
  shared = await t.openIncident({ services: ["checkout-api", "payments"] });
  const search = await t.openIncident({ services: ["search"] });
  await addItem(checkout, { title: "Alert on pool saturation", dueDate: "2026-03-01" });
  const done = await addItem(checkout, { title: "Add a canary stage" });
  await t.app.inject({
    method: "PATCH",
    url: `/api/v1/action-items/${done.id}`,
    headers: t.as("editor", { "if-match": `"${done.version}"` }),
    payload: { status: "done" },
  });
  await addItem(shared, { title: "Retry card authorisation", dueDate: "2026-04-01" });
  await addItem(search, { title: "Reindex nightly" });
});
afterAll(async () => {
  await t.close();
});

async function addItem(
  key: string,
  payload: Record<string, unknown>,
): Promise<{ id: number; version: number }> {
  const res = await t.app.inject({
    method: "POST",
    url: `/api/v1/incidents/${key}/action-items`,
    headers: t.as("editor"),
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

function get(url: string, role: Role = "viewer") {
  return t.app.inject({ method: "GET", url, headers: t.as(role) });
}

describe("GET /api/v1/action-items/services", () => {
  it("gives a viewer each service's open, overdue and done counts, most overdue first", async () => {
    const res = await get("/api/v1/action-items/services");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { service: "checkout-api", open: 2, overdue: 1, done: 1 },
        { service: "payments", open: 1, overdue: 0, done: 0 },
        { service: "search", open: 1, overdue: 0, done: 0 },
      ],
    });
  });

  it("leaves /api/v1/action-items/:id reading items by id", async () => {
    const item = await addItem(await t.openIncident(), { title: "Document the failover" });
    const res = await get(`/api/v1/action-items/${item.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: "Document the failover" });
  });

  it("refuses an anonymous caller", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/action-items/services" });
    expect(res.statusCode).toBe(401);
  });
});

describe("GET /api/v1/action-items?service=", () => {
  it("lists the items of incidents with that service, one shared by two services under both", async () => {
    const titles = async (query: string) =>
      (await get(`/api/v1/action-items?${query}`)).json().items.map((i: { title: string }) => i.title);
    expect(await titles("service=checkout-api")).toEqual([
      "Alert on pool saturation",
      "Retry card authorisation",
      "Add a canary stage",
    ]);
    expect(await titles("service=payments")).toEqual(["Retry card authorisation"]);
    expect(await titles("service=checkout-api&status=done")).toEqual(["Add a canary stage"]);
    expect(await titles("service=checkout-api&overdue=true")).toEqual(["Alert on pool saturation"]);
    expect(await titles("service=nobody")).toEqual([]);
  });

  it("answers 400 naming service for an empty or over-long name", async () => {
    for (const service of ["%20%20", "x".repeat(101)]) {
      const res = await get(`/api/v1/action-items?service=${service}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: "service", message: expect.any(String) }]);
    }
  });
});
