import type { LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Incident } from "../src/incidents/incident.ts";
import type { Problem } from "../src/server/problem.ts";
import { buildIncidentInput } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

const START = "2026-03-18T16:00:00Z";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

async function countIncidents(): Promise<number> {
  const row = await t.testDb.db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function post(payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/incidents",
    headers: t.as("editor", headers),
    ...(typeof payload === "string" ? { payload } : { payload: payload as object }),
  });
}

async function create(overrides: Record<string, unknown> = {}): Promise<Incident> {
  const response = await post({ ...buildIncidentInput(), ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Incident>();
}

function read(key: string) {
  return t.app.inject({ method: "GET", url: `/api/v1/incidents/${key}`, headers: t.as("viewer") });
}

function patch(key: string, payload: object, ifMatch?: string) {
  return t.app.inject({
    method: "PATCH",
    url: `/api/v1/incidents/${key}`,
    headers: t.as("editor", ifMatch === undefined ? {} : { "if-match": ifMatch }),
    payload,
  });
}

/** Asserts the problem+json shape and returns the paths of its field errors. */
function expectProblem(response: LightMyRequestResponse, status: number): string[] {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = response.json<Problem>();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(body.detail).toEqual(expect.any(String));
  expect(body.detail.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  }
  return (body.errors ?? []).map((e) => e.path);
}

describe("bad input on POST /api/v1/incidents", () => {
  const valid = () => buildIncidentInput();
  const cases: [string, () => unknown, string][] = [
    ["malformed JSON", () => '{"title": "Checkout down", ', "body"],
    ["a body over 1 MB", () => ({ ...valid(), impact: "x".repeat(1_048_576) }), "body"],
    ["a title that is a number", () => ({ ...valid(), title: 42 }), "title"],
    ["an unknown severity", () => ({ ...valid(), severity: "P9" }), "severity"],
    ["a flag that is a string", () => ({ ...valid(), customerImpact: "yes" }), "customerImpact"],
    ["services that are not a list", () => ({ ...valid(), services: "checkout-api" }), "services"],
    ["an unknown field", () => ({ ...valid(), colour: "red" }), "colour"],
    [
      "a timestamp with an offset",
      () => ({ ...valid(), startedAt: "2026-03-18T15:02:00+01:00" }),
      "startedAt",
    ],
    ["a timestamp without a zone", () => ({ ...valid(), startedAt: "2026-03-18T14:02:00" }), "startedAt"],
    ["February 30th", () => ({ ...valid(), startedAt: "2026-02-30T10:00:00Z" }), "startedAt"],
    ["hour 25", () => ({ ...valid(), detectedAt: "2026-03-18T25:00:00Z" }), "detectedAt"],
    [
      "detectedAt before startedAt",
      () => ({ ...valid(), startedAt: "2026-03-18T14:02:00Z", detectedAt: "2026-03-18T13:59:00Z" }),
      "detectedAt",
    ],
    [
      "resolvedAt before startedAt",
      () => ({
        ...valid(),
        status: "resolved",
        startedAt: "2026-03-18T14:02:00Z",
        resolvedAt: "2026-03-18T13:00:00Z",
      }),
      "resolvedAt",
    ],
    ["a start in the future", () => ({ ...valid(), startedAt: "2026-03-19T16:00:00Z" }), "startedAt"],
  ];

  it.each(cases)("refuses %s with 400 naming %s, and writes nothing", async (_name, body, path) => {
    const before = await countIncidents();
    const response = await post(
      body(),
      typeof body() === "string" ? { "content-type": "application/json" } : {},
    );
    expect(expectProblem(response, 400)).toContain(path);
    expect(await countIncidents()).toBe(before);
  });

  it("accepts the same body once the mistake is fixed, so the cases above fail for their reason", async () => {
    const before = await countIncidents();
    await create();
    expect(await countIncidents()).toBe(before + 1);
  });
});

describe("bad input on PATCH /api/v1/incidents/:key", () => {
  it.each([
    ["detectedAt before startedAt", { detectedAt: "2026-03-18T10:00:00Z" }, "detectedAt"],
    ["resolvedAt before startedAt", { status: "resolved", resolvedAt: "2026-03-18T10:00:00Z" }, "resolvedAt"],
    ["a timestamp with an offset", { detectedAt: "2026-03-18T15:02:00+01:00" }, "detectedAt"],
    ["an unknown field", { owner: "sam" }, "owner"],
    ["an empty title", { title: "" }, "title"],
  ])("refuses %s with 400 naming %s and leaves the incident unchanged", async (_name, body, path) => {
    const incident = await create();
    const response = await patch(incident.key, body, `"${incident.version}"`);
    expect(expectProblem(response, 400)).toContain(path);
    expect((await read(incident.key)).json()).toEqual(incident);
  });
});

describe("optimistic concurrency on PATCH /api/v1/incidents/:key", () => {
  it("requires If-Match (428) and changes nothing without it", async () => {
    const incident = await create();
    expectProblem(await patch(incident.key, { title: "Renamed" }), 428);
    expect((await read(incident.key)).json()).toEqual(incident);
  });

  it("refuses a stale If-Match with 412 and leaves the newer write in place", async () => {
    const incident = await create();
    const first = await patch(incident.key, { title: "First edit" }, `"${incident.version}"`);
    expect(first.statusCode).toBe(200);
    const afterFirst = (await read(incident.key)).json<Incident>();
    expectProblem(await patch(incident.key, { title: "Second edit" }, `"${incident.version}"`), 412);
    expect((await read(incident.key)).json()).toEqual(afterFirst);
    expect(afterFirst.title).toBe("First edit");
  });

  it("applies a fresh If-Match, bumps the version and returns the new ETag", async () => {
    const incident = await create();
    const got = await read(incident.key);
    expect(got.headers.etag).toBe(`"${incident.version}"`);
    const response = await patch(incident.key, { severity: "P1" }, String(got.headers.etag));
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json<Incident>();
    expect(updated.version).toBe(incident.version + 1);
    expect(updated.severity).toBe("P1");
    expect(response.headers.etag).toBe(`"${incident.version + 1}"`);
  });
});

describe("incident status over HTTP", () => {
  it("stamps mitigatedAt and resolvedAt with the clock as the status moves forward, and never back", async () => {
    const incident = await create({ startedAt: "2026-03-18T14:02:00Z" });
    expect(incident).toMatchObject({ status: "open", mitigatedAt: null, resolvedAt: null });

    t.clock.set("2026-03-18T16:30:00Z");
    const mitigated = await patch(incident.key, { status: "mitigated" }, `"${incident.version}"`);
    expect(mitigated.json()).toMatchObject({
      status: "mitigated",
      mitigatedAt: "2026-03-18T16:30:00Z",
      resolvedAt: null,
    });

    t.clock.set("2026-03-18T17:15:00Z");
    const resolved = await patch(incident.key, { status: "resolved" }, mitigated.headers.etag as string);
    const after = resolved.json<Incident>();
    expect(after).toMatchObject({
      status: "resolved",
      mitigatedAt: "2026-03-18T16:30:00Z",
      resolvedAt: "2026-03-18T17:15:00Z",
    });

    for (const back of ["mitigated", "open"]) {
      expect(expectProblem(await patch(incident.key, { status: back }, "*"), 409)).toContain("status");
    }
    expect((await read(incident.key)).json()).toEqual(after);
  });
});

describe("GET /api/v1/incidents", () => {
  // Early March is this block's own window, and `ls-` labels its own, so the other blocks' incidents
  // (which start on March 18th) never show up in its filters.
  const WINDOW = "from=2026-03-01T00:00:00Z&to=2026-03-11T00:00:00Z";
  const all: Incident[] = [];

  beforeAll(async () => {
    const specs = [
      { startedAt: "2026-03-01T10:00:00Z", severity: "P1", services: ["ls-db"], tags: ["ls-storage"] },
      { startedAt: "2026-03-02T10:00:00Z", severity: "P2", services: ["ls-checkout"], status: "mitigated" },
      { startedAt: "2026-03-02T10:00:00Z", severity: "P3", services: ["ls-checkout", "ls-db"] },
      { startedAt: "2026-03-02T10:00:00Z", severity: "P2", tags: ["ls-network"], status: "resolved" },
      { startedAt: "2026-03-05T08:00:00Z", severity: "P1", services: ["ls-search"], tags: ["ls-network"] },
      { startedAt: "2026-03-09T23:59:59Z", severity: "P3", services: [] },
      { startedAt: "2026-03-10T00:00:00Z", severity: "P2", services: ["ls-db"], status: "mitigated" },
    ];
    for (const spec of specs) all.push(await create(spec));
  });

  async function list(query: string): Promise<{ items: Incident[]; nextCursor: string | null }> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/incidents?${query}`,
      headers: t.as("viewer"),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const keys = (items: Incident[]) => items.map((i) => i.key).sort();
  const keysWhere = (predicate: (i: Incident) => boolean) => keys(all.filter(predicate));

  it("pages with limit and cursor through every incident exactly once, newest first", async () => {
    const stored = await t.testDb.db.selectFrom("incidents").select("number").execute();
    const seen: Incident[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(pages).toBe(Math.ceil(stored.length / 2));
    expect(seen).toHaveLength(stored.length);
    expect(keys(seen)).toEqual(stored.map((r) => `INC-${r.number}`).sort());
    const starts = seen.map((i) => i.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("pages through incidents that share a start time without losing or repeating one", async () => {
    const seen: Incident[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`${WINDOW}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && seen.length < 100);
    expect(keys(seen)).toEqual(keys(all));
    expect(seen).toHaveLength(all.length);
  });

  it("refuses a cursor it did not hand out", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/incidents?cursor=bm9wZQ",
      headers: t.as("viewer"),
    });
    expect(expectProblem(response, 400)).toContain("cursor");
  });

  it("filters by status, severity, service and tag", async () => {
    expect(keys((await list(`${WINDOW}&status=mitigated`)).items)).toEqual(
      keysWhere((i) => i.status === "mitigated"),
    );
    expect(keys((await list(`${WINDOW}&status=open`)).items)).toEqual(keysWhere((i) => i.status === "open"));
    expect(keys((await list(`${WINDOW}&severity=P1`)).items)).toEqual(keysWhere((i) => i.severity === "P1"));
    expect(keys((await list("service=ls-db")).items)).toEqual(keysWhere((i) => i.services.includes("ls-db")));
    expect(keys((await list("tag=ls-network")).items)).toEqual(
      keysWhere((i) => i.tags.includes("ls-network")),
    );
    expect(keys((await list("service=ls-db&severity=P2")).items)).toEqual(
      keysWhere((i) => i.services.includes("ls-db") && i.severity === "P2"),
    );
    expect((await list("service=ls-db")).items).toHaveLength(3);
    expect((await list("tag=ls-nowhere")).items).toEqual([]);
  });

  it("filters by start time: from is inclusive, to is exclusive", async () => {
    const from = "2026-03-02T10:00:00Z";
    const to = "2026-03-10T00:00:00Z";
    const found = (await list(`from=${from}&to=${to}`)).items;
    expect(keys(found)).toEqual(keysWhere((i) => i.startedAt >= from && i.startedAt < to));
    expect(found).toHaveLength(5);
  });

  it("refuses an unknown filter value or query field, naming it", async () => {
    for (const [query, path] of [
      ["status=closed", "status"],
      ["from=2026-03-02T10:00:00%2B01:00", "from"],
      ["owner=sam", "owner"],
      ["limit=0", "limit"],
    ]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/v1/incidents?${query}`,
        headers: t.as("viewer"),
      });
      expect(expectProblem(response, 400), query).toContain(path);
    }
  });
});

describe("service endpoints", () => {
  it("reports health with the database reachable", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("serves the web app at / as HTML under a Content-Security-Policy without inline script", async () => {
    const response = await t.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
    // 503 only when the app has not been built (dist/web); the page and its policy come either way.
    expect([200, 503]).toContain(response.statusCode);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    // The script directive allows the app's own files and nothing inline.
    expect(response.headers["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
  });

  it("serves an OpenAPI 3.1 document that lists every /api/v1 route", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const routes = t.app.registeredRoutes.filter(
      (r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json",
    );
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes
      .map((r) => ({ path: r.url.replace(/:(\w+)/g, "{$1}"), method: r.method.toLowerCase() }))
      .filter(({ path, method }) => !doc.paths[path]?.[method])
      .map(({ path, method }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it("answers an unknown route with 404 problem+json", async () => {
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/no-such-thing", headers: t.as("viewer") }),
      404,
    );
    expectProblem(await t.app.inject({ method: "GET", url: "/nowhere" }), 404);
  });

  it("answers an unknown incident with 404 problem+json", async () => {
    expectProblem(await read("INC-999999"), 404);
  });
});
