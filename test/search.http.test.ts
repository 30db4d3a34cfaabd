import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.openIncident({ title: "Walrus gateway timeouts", severity: "P1", services: ["walrus-api"] });
  await t.openIncident({ title: "Walrus cache misses", severity: "P3" });
});
afterAll(() => t.close());

const search = (query: string, headers = t.as("viewer")) =>
  t.app.inject({ method: "GET", url: `/api/v1/search?${query}`, headers });

describe("GET /api/v1/search", () => {
  it("needs a signed-in user", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/search?q=walrus" });
    expect(response.statusCode).toBe(401);
  });

  it("lets a viewer search, with hits, snippets and the total", async () => {
    const response = await search("q=walrus+timeouts");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(1);
    expect(body.totalIsLowerBound).toBe(false);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      title: "Walrus gateway timeouts",
      severity: "P1",
      incidentStatus: "open",
      postmortemStatus: "draft",
      services: ["walrus-api"],
      tags: [],
    });
    expect(body.items[0].snippets[0]).toEqual({
      field: "title",
      fragments: [
        { text: "Walrus", match: true },
        { text: " gateway ", match: false },
        { text: "timeouts", match: true },
      ],
    });
  });

  it("takes severity as a repeated parameter or a comma list", async () => {
    const repeated = (await search("q=walrus&severity=P1&severity=P3")).json();
    const comma = (await search("q=walrus&severity=P1,P3")).json();
    const one = (await search("q=walrus&severity=P3")).json();
    expect([repeated.total, comma.total, one.total]).toEqual([2, 2, 1]);
    expect(one.items[0].title).toBe("Walrus cache misses");
  });

  it("without q lists the post-mortems matching the filters, latest incident first, page by page", async () => {
    const all = (await search("")).json();
    expect(all.items.map((i: { title: string }) => i.title)).toEqual([
      "Walrus cache misses",
      "Walrus gateway timeouts",
    ]);
    expect(all.items[0]).toMatchObject({ score: 0, snippets: [] });
    expect([all.total, all.totalIsLowerBound, all.nextCursor]).toEqual([2, false, null]);

    const first = (await search("limit=1")).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(["Walrus cache misses"]);
    const second = (await search(`limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(["Walrus gateway timeouts"]);
    expect(second.nextCursor).toBeNull();

    const filtered = (await search("service=walrus-api")).json();
    expect(filtered.items.map((i: { services: string[] }) => i.services)).toEqual([["walrus-api"]]);
    expect((await search("severity=P2")).json().items).toEqual([]);
  });

  it("answers 400 naming q when it is empty or only punctuation", async () => {
    for (const query of ["q=", "q=%20%20", "q=%22%25%2A%21"]) {
      const response = await search(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain("q");
    }
  });

  it("answers 400 for an unknown severity or a foreign cursor, and 200 for odd text", async () => {
    expect((await search("q=walrus&severity=P9")).statusCode).toBe(400);
    expect((await search("q=walrus&cursor=nonsense")).statusCode).toBe(400);
    const odd = await search(`q=${encodeURIComponent('walrus" OR {title}: NEAR( *')}`);
    expect(odd.statusCode).toBe(200);
  });
});
