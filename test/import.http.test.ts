import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./http.ts";

const FULL = readFileSync(new URL("../src/postmortems/export/__fixtures__/full.md", import.meta.url), "utf8");

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2026-03-25T12:00:00Z");
});
afterAll(() => t.close());

function post(body: string, role: "viewer" | "editor" = "editor", type = "text/markdown") {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/import",
    headers: t.as(role, { "content-type": type }),
    payload: body,
  });
}

describe("POST /api/v1/import", () => {
  it("imports a Markdown document as a new incident (201) that exports to the same bytes", async () => {
    const res = await post(FULL);
    expect(res.statusCode).toBe(201);
    const { key, status } = res.json<{ key: string; status: string }>();
    expect(status).toBe("imported");
    const exported = await t.app.inject({
      method: "GET",
      url: `/api/v1/incidents/${key}/postmortem/export?format=md`,
      headers: t.as("viewer"),
    });
    expect(exported.body).toBe(FULL.replace("key: INC-1", `key: ${key}`));
  });

  it("answers 200 unchanged when the same document comes again, also as text/plain", async () => {
    const res = await post(FULL, "editor", "text/plain; charset=utf-8");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "unchanged", key: "INC-1" });
  });

  it("answers 400 problem+json naming the line of each error, and stores nothing", async () => {
    const broken = FULL.replace("**Date:** 2026-03-18", "**Date:** 2026-02-30");
    const res = await post(broken.replace("key: INC-1", "key: null"));
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      { path: "line 113", message: expect.stringContaining("2026-02-30") },
    ]);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/incidents", headers: t.as("viewer") });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it("refuses a viewer", async () => {
    expect((await post(FULL, "viewer")).statusCode).toBe(403);
  });
});
