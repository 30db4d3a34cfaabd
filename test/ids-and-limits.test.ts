import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Incident } from "../src/incidents/incident.ts";
import type { Problem } from "../src/server/problem.ts";
import { buildIncidentInput } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

// One past PostgreSQL's integer range would do; ten digits is what a mistyped or hostile URL looks like.
const HUGE = 9_999_999_999;
let t: TestApp;
let incident: Incident;

beforeAll(async () => {
  t = await createTestApp();
  incident = await create();
});
afterAll(() => t.close());

type Method = "GET" | "POST" | "PATCH" | "DELETE";

function call(method: Method, url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url, headers: t.as("admin", headers), ...(payload ? { payload } : {}) });
}

async function create(): Promise<Incident> {
  const response = await call("POST", "/api/v1/incidents", buildIncidentInput());
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Incident>();
}

/** Asserts a problem+json answer with this status and returns the paths of its field errors. */
function expectProblem(response: LightMyRequestResponse, status: number): string[] {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  return (response.json<Problem>().errors ?? []).map((e) => e.path);
}

/** 400 naming `field`, or 404: either tells the client the id names nothing; a 500 never does. */
function expectRefusedOrMissing(response: LightMyRequestResponse, field: string): void {
  expect([400, 404], response.body).toContain(response.statusCode);
  const paths = expectProblem(response, response.statusCode);
  if (response.statusCode === 400) expect(paths).toContain(field);
}

const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

describe("ids beyond PostgreSQL's integer range", () => {
  // `:key` stands for a real incident's key, so only the id can be what is wrong.
  const cases: [Method, string, object?][] = [
    ["GET", `/api/v1/action-items/${HUGE}`],
    ["PATCH", `/api/v1/action-items/${HUGE}`, { title: "Add a canary stage" }],
    ["GET", `/api/v1/incidents/:key/timeline/${HUGE}`],
    ["PATCH", `/api/v1/incidents/:key/timeline/${HUGE}`, { text: "Rolled back" }],
    ["DELETE", `/api/v1/incidents/:key/timeline/${HUGE}`],
    ["PATCH", `/api/v1/incidents/:key/postmortem/whys/${HUGE}`, { text: "Why?" }],
    ["DELETE", `/api/v1/incidents/:key/postmortem/whys/${HUGE}`],
    ["POST", `/api/v1/incidents/:key/postmortem/whys/${HUGE}/action-item`, {}],
    ["PATCH", `/api/v1/users/${HUGE}`, { name: "Sam" }],
    ["DELETE", `/api/v1/tokens/${HUGE}`],
  ];

  it.each(cases)("%s %s answers 400 or 404, never 500", async (method, url, payload) => {
    const response = await call(method, url.replace(":key", incident.key), payload, { "if-match": '"1"' });
    expectRefusedOrMissing(response, "id");
  });

  it("refuses a parent why id beyond the range in a body, naming parentId", async () => {
    const response = await call("POST", `/api/v1/incidents/${incident.key}/postmortem/whys`, {
      parentId: HUGE,
      text: "Why did the deploy not stop?",
    });
    expect(expectProblem(response, 400)).toContain("parentId");
  });

  it("answers 404 for the largest id that fits, so the limit is where the database's is", async () => {
    expectProblem(await call("GET", "/api/v1/action-items/2147483647"), 404);
  });
});

describe("incident keys beyond PostgreSQL's integer range", () => {
  const KEY = "INC-9999999999";
  it.each([
    ["GET", `/api/v1/incidents/${KEY}`],
    ["PATCH", `/api/v1/incidents/${KEY}`, { title: "Checkout API 5xx" }],
    ["GET", `/api/v1/incidents/${KEY}/timeline`],
    ["POST", `/api/v1/incidents/${KEY}/timeline`, { text: "Rolled back" }],
    ["GET", `/api/v1/incidents/${KEY}/postmortem`],
    ["GET", `/api/v1/incidents/${KEY}/action-items`],
    ["POST", `/api/v1/incidents/${KEY}/action-items`, { title: "Add a canary stage" }],
    ["POST", `/api/v1/incidents/${KEY}/postmortem/whys`, { parentId: null, text: "Why?" }],
  ] as [Method, string, object?][])("%s %s answers 400 or 404, never 500", async (method, url, payload) => {
    expectRefusedOrMissing(await call(method, url, payload, { "if-match": '"1"' }), "key");
  });

  it("filters action items by such a key without a server error", async () => {
    const response = await call("GET", `/api/v1/action-items?incident=${KEY}`);
    if (response.statusCode === 200) expect(response.json().items).toEqual([]);
    else expect(expectProblem(response, 400)).toContain("incident");
  });

  it("answers 404 for the longest key that can exist", async () => {
    expectProblem(await call("GET", "/api/v1/incidents/INC-999999999"), 404);
  });
});

describe("cursors the server did not hand out", () => {
  const forged = {
    "a fractional id": cursorOf(["2026-01-01T00:00:00Z", 1.5]),
    "an id beyond the integer range": cursorOf(["2026-01-01T00:00:00Z", 1e12]),
    "a negative id": cursorOf(["2026-01-01T00:00:00Z", -1]),
  };
  const lists: [string, () => string][] = [
    ["the incident list", () => "/api/v1/incidents"],
    ["a timeline", () => `/api/v1/incidents/${incident.key}/timeline`],
    ["the action item list", () => "/api/v1/action-items"],
  ];

  for (const [name, list] of lists) {
    it.each(Object.entries(forged))(
      `are refused on ${name} (%s) with 400 naming cursor`,
      async (_, cursor) => {
        const response = await call("GET", `${list()}?cursor=${cursor}`);
        expect(expectProblem(response, 400)).toContain("cursor");
      },
    );
  }

  it.each([
    ["a fractional position", cursorOf([1.5, 1])],
    ["a position beyond the integer range", cursorOf([1e12, 1])],
  ])("are refused on an incident's action items (%s) with 400 naming cursor", async (_, cursor) => {
    const response = await call("GET", `/api/v1/incidents/${incident.key}/action-items?cursor=${cursor}`);
    expect(expectProblem(response, 400)).toContain("cursor");
  });
});

describe("PATCH /api/v1/incidents/:key on a resolved incident", () => {
  async function resolved(): Promise<Incident> {
    const { key, version } = await create();
    const response = await call(
      "PATCH",
      `/api/v1/incidents/${key}`,
      { status: "resolved" },
      { "if-match": `"${version}"` },
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Incident>();
  }

  it.each([
    [{ resolvedAt: null }, "resolvedAt"],
    [{ mitigatedAt: null }, "mitigatedAt"],
  ])("refuses %o with 400 naming %s and leaves the incident unchanged", async (body, field) => {
    const before = await resolved();
    t.clock.advance(60 * 60 * 1000);

    const response = await call("PATCH", `/api/v1/incidents/${before.key}`, body, {
      "if-match": `"${before.version}"`,
    });

    expect(expectProblem(response, 400)).toContain(field);
    const after = await call("GET", `/api/v1/incidents/${before.key}`);
    expect(after.json()).toEqual(before);
  });
});

describe("If-Match on PATCH /api/v1/incidents/:key", () => {
  it("refuses a weak validator with 412 (If-Match compares strongly) and changes nothing", async () => {
    const before = await create();

    const response = await call(
      "PATCH",
      `/api/v1/incidents/${before.key}`,
      { title: "Checkout API 5xx" },
      { "if-match": `W/"${before.version}"` },
    );

    expectProblem(response, 412);
    expect((await call("GET", `/api/v1/incidents/${before.key}`)).json()).toEqual(before);
  });

  it("accepts the strong validator it handed out", async () => {
    const before = await create();

    const response = await call(
      "PATCH",
      `/api/v1/incidents/${before.key}`,
      { title: "Checkout API 5xx" },
      { "if-match": `"${before.version}"` },
    );

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ title: "Checkout API 5xx", version: before.version + 1 });
    expect(response.headers.etag).toBe(`"${before.version + 1}"`);
  });
});
