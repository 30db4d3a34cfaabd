import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegisteredRoute } from "../src/server/auth.ts";
import { createApiToken } from "../src/users/api-tokens.ts";
import { roleAtLeast, type Role } from "../src/users/user.ts";
import { buildCtx, buildIncident, buildUser } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

type Caller = "anonymous" | Role;
const CALLERS: Caller[] = ["anonymous", "viewer", "editor", "admin"];
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Routes of SPEC §9 (and the auth/user routes) that exist today: the matrix must reach each of them,
// so it cannot pass by walking an empty or shrunken route table.
const REQUIRED_ROUTES = [
  "GET /api/v1/insights",
  "GET /api/v1/search",
  "GET /api/v1/incidents/:key/similar",
  "GET /api/v1/incidents",
  "POST /api/v1/incidents",
  "GET /api/v1/incidents/:key",
  "GET /api/v1/incidents/:key/postmortem/export",
  "PATCH /api/v1/incidents/:key",
  "GET /api/v1/openapi.json",
  "GET /healthz",
  "POST /api/v1/auth/sign-in",
  "POST /api/v1/auth/sign-out",
  "GET /api/v1/auth/me",
  "GET /api/v1/tokens",
  "POST /api/v1/tokens",
  "DELETE /api/v1/tokens/:id",
  "POST /api/v1/auth/password",
  "GET /api/v1/users",
  "POST /api/v1/users",
  "PATCH /api/v1/users/:id",
  "GET /api/v1/users/:id/tokens",
  "DELETE /api/v1/users/:id/tokens/:tokenId",
];

// Writes any signed-in user may make about themselves.
const SELF_SERVICE = ["/api/v1/auth/", "/api/v1/tokens"];
const PUBLIC_API = ["GET /api/v1/openapi.json", "POST /api/v1/auth/sign-in", "POST /api/v1/auth/sign-out"];

let t: TestApp;
/** Existing row ids, looked up by a path parameter's name or by the path segment before it. */
let ids: Record<string, string>;
let incidentKey: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.testDb.db;
  const now = t.clock
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
  const incident = await buildIncident(buildCtx(db, { clock: t.clock }));
  incidentKey = incident.key;
  const postmortem = await db
    .selectFrom("postmortems")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select(["postmortems.id as postmortemId", "incidents.id as incidentId"])
    .where("incidents.number", "=", Number(incident.key.slice(4)))
    .executeTakeFirstOrThrow();
  const entry = await db
    .insertInto("timelineEntries")
    .values({
      incidentId: postmortem.incidentId,
      occurredAt: "2026-03-18T14:05:00Z",
      kind: "event",
      text: "Error rate alert fired",
      author: "test",
      authorUserId: null,
      source: "manual",
      createdAt: now,
      updatedAt: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const why = await db
    .insertInto("whyNodes")
    .values({
      postmortemId: postmortem.postmortemId,
      parentId: null,
      position: 0,
      text: "The pool was too small",
      createdAt: now,
      updatedAt: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto("actionItems")
    .values({
      postmortemId: postmortem.postmortemId,
      whyNodeId: why.id,
      title: "Alert on pool saturation",
      owner: "sam",
      ownerUserId: null,
      dueDate: "2026-04-01",
      type: "detect",
      priority: "high",
      status: "open",
      wontDoReason: null,
      externalUrl: null,
      completedAt: null,
      position: 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A user and token of their own, so routes that change or revoke them never touch the callers.
  const target = await buildUser(db, "viewer", t.clock);
  const targetToken = await createApiToken(db, t.clock, target.id, { name: "target" });
  const entryId = String(entry.id);
  const whyId = String(why.id);
  const itemId = String(item.id);
  ids = {
    users: String(target.id),
    userId: String(target.id),
    tokens: String(targetToken.token.id),
    tokenId: String(targetToken.token.id),
    timeline: entryId,
    entryId,
    timelineEntryId: entryId,
    whys: whyId,
    "why-nodes": whyId,
    whyId,
    nodeId: whyId,
    whyNodeId: whyId,
    "action-items": itemId,
    actionItemId: itemId,
    itemId,
    postmortems: String(postmortem.postmortemId),
    postmortemId: String(postmortem.postmortemId),
  };
});

afterAll(() => t.close());

function fillPath(url: string): string {
  const segments = url.split("/");
  return segments
    .map((segment, i) => {
      if (segment === "*") return "x";
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1);
      if (name === "key") return incidentKey;
      return ids[name] ?? ids[segments[i - 1] ?? ""] ?? "1";
    })
    .join("/");
}

/** Each request gets a fresh token, so a route that revokes tokens cannot lock the matrix out. */
async function headersFor(caller: Caller, method: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (caller !== "anonymous") {
    const { secret } = await createApiToken(t.testDb.db, t.clock, t.users[caller].id, { name: "matrix" });
    headers.authorization = `Bearer ${secret}`;
  }
  if (UNSAFE.has(method) && method !== "DELETE") headers["if-match"] = "*";
  return headers;
}

function expectation(route: RegisteredRoute, caller: Caller): "allowed" | 401 | 403 {
  if (route.role === "public") return "allowed";
  if (caller === "anonymous") return 401;
  return roleAtLeast(caller, route.role) ? "allowed" : 403;
}

describe("route roles", () => {
  it("keeps every non-public route under /api/v1 and the API documentation public", async () => {
    const outside = t.app.registeredRoutes.filter(
      (r) => r.role !== "public" && !r.url.startsWith("/api/v1/"),
    );
    expect(outside).toEqual([]);
    expect(
      t.app.registeredRoutes.filter((r) => r.url.startsWith("/api/docs") && r.role !== "public"),
    ).toEqual([]);
    expect((await t.app.inject({ method: "GET", url: "/api/docs" })).statusCode).toBe(200);
  });

  it("lets only editors and admins write, apart from signing in and managing one's own tokens", () => {
    const writesBelowEditor = t.app.registeredRoutes
      .filter((r) => UNSAFE.has(r.method) && r.url.startsWith("/api/v1/"))
      .filter((r) => !SELF_SERVICE.some((prefix) => r.url.startsWith(prefix)))
      .filter((r) => r.role === "public" || r.role === "viewer")
      .map((r) => `${r.method} ${r.url} (${r.role})`);
    expect(writesBelowEditor).toEqual([]);
  });

  it("opens no /api/v1 route to the public beyond a reviewed list", () => {
    // Adding to this list is a decision about what anonymous callers may see or do: make it on purpose.
    const publicApi = t.app.registeredRoutes
      .filter((r) => r.role === "public" && r.url.startsWith("/api/v1/"))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicApi.filter((r) => !PUBLIC_API.includes(r))).toEqual([]);
  });

  it("knows the role of every route the OpenAPI document lists", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const known = new Set(t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((r) => !known.has(r))).toEqual([]);
  });

  it("answers every route × caller with 401, 403 or access exactly as the route's role says", async () => {
    // The documentation UI's static assets are public (checked above) and carry no data.
    const routes = t.app.registeredRoutes.filter((r) => !r.url.startsWith("/api/docs"));
    // Deletes last, so they cannot remove what the other routes are walked against.
    const ordered = [
      ...routes.filter((r) => r.method !== "DELETE"),
      ...routes.filter((r) => r.method === "DELETE"),
    ];
    const failures: string[] = [];
    const walked = new Set<string>();
    for (const route of ordered) {
      walked.add(`${route.method} ${route.url}`);
      for (const caller of CALLERS) {
        const url = fillPath(route.url);
        const response = await t.app.inject({
          method: route.method as "GET",
          url,
          headers: await headersFor(caller, route.method),
          ...(UNSAFE.has(route.method) && route.method !== "DELETE" ? { payload: {} } : {}),
        });
        const expected = expectation(route, caller);
        const where = `${route.method} ${url} (${route.role}) as ${caller}: got ${response.statusCode}`;
        if (response.statusCode >= 500) {
          failures.push(`${where}, a server error: ${response.body.slice(0, 200)}`);
        } else if (expected === "allowed") {
          if (response.statusCode === 401 || response.statusCode === 403) {
            failures.push(`${where}, expected access: ${response.body.slice(0, 200)}`);
          }
        } else if (response.statusCode !== expected) {
          failures.push(`${where}, expected ${expected}`);
        } else if (
          !String(response.headers["content-type"]).startsWith("application/problem+json") ||
          response.json<{ status: number }>().status !== expected
        ) {
          failures.push(`${where}, but not as problem+json`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(REQUIRED_ROUTES.filter((r) => !walked.has(r))).toEqual([]);
  });

  it("refuses a revoked or unknown bearer token on every non-public route", async () => {
    const routes = t.app.registeredRoutes.filter((r) => r.role !== "public" && r.method === "GET");
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const response = await t.app.inject({
        method: "GET",
        url: fillPath(route.url),
        headers: { authorization: "Bearer hst_not-a-real-token" },
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
