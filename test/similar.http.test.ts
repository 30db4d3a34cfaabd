import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/users/user.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const open = (title: string, impact: string) => t.openIncident({ title, impact });
  keys.dns = await open("Internal DNS resolver overloaded", "Services could not resolve internal DNS names");
  keys.dnsAgain = await open(
    "DNS resolution failures after resolver change",
    "Lookups of internal names failed",
  );
  keys.cdn = await open("CDN purge removed every cached image", "Images loaded slowly for an hour");
  keys.lonely = await open("Quokka", "");
  const patched = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/incidents/${keys.dnsAgain}/postmortem`,
    headers: t.as("editor", { "if-match": '"1"' }),
    payload: { rootCause: "The resolver pool was too small for the DNS query load." },
  });
  expect(patched.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const similar = (key: string, role: Role = "viewer", query = "") =>
  t.app.inject({ method: "GET", url: `/api/v1/incidents/${key}/similar${query}`, headers: t.as(role) });

describe("GET /api/v1/incidents/:key/similar", () => {
  it("lists the most similar other incidents, best first, with a score and the words they share", async () => {
    const res = await similar(keys.dns!);
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: Record<string, unknown>[] }>();
    expect(items[0]).toEqual({
      incidentKey: keys.dnsAgain,
      title: "DNS resolution failures after resolver change",
      severity: "P2",
      startedAt: "2026-03-18T14:00:00Z",
      postmortemStatus: "draft",
      score: expect.any(Number),
      sharedTerms: expect.arrayContaining(["dns", "resolver", "internal"]),
    });
    expect(items[0]!.score).toBeGreaterThan(0);
    expect(items[0]!.score).toBeLessThanOrEqual(1);
    expect(items.map((i) => i.incidentKey)).not.toContain(keys.dns);
  });

  it("never lists the incident itself, and nothing when no other incident shares a word", async () => {
    for (const key of Object.values(keys)) {
      const { items } = (await similar(key)).json<{ items: { incidentKey: string }[] }>();
      expect(items.map((i) => i.incidentKey)).not.toContain(key);
    }
    expect((await similar(keys.lonely!)).json()).toEqual({ items: [] });
  });

  it("honours limit and refuses one out of range", async () => {
    expect((await similar(keys.dns!, "viewer", "?limit=1")).json().items).toHaveLength(1);
    const tooMany = await similar(keys.dns!, "viewer", "?limit=21");
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers["content-type"]).toContain("application/problem+json");
    expect(tooMany.json().errors[0].path).toMatch(/limit/);
  });

  it("answers 404 problem+json for an unknown incident", async () => {
    const res = await similar("INC-424242");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("lets every role read, and nobody without signing in", async () => {
    for (const role of ["viewer", "editor", "admin"] as const) {
      expect((await similar(keys.dns!, role)).statusCode).toBe(200);
    }
    const anonymous = await t.app.inject({ method: "GET", url: `/api/v1/incidents/${keys.dns}/similar` });
    expect(anonymous.statusCode).toBe(401);
  });
});
