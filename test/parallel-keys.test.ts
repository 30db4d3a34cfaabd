import { afterEach, describe, expect, it } from "vitest";
import type { Incident } from "../src/incidents/incident.ts";
import { buildApp, type App } from "../src/server/app.ts";
import { buildIncidentInput } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";
import { testDialect } from "./test-db.ts";

let t: TestApp | undefined;
let second: App | undefined;

afterEach(async () => {
  await second?.close();
  await t?.close();
  second = undefined;
  t = undefined;
});

function createMany(app: App, token: string, count: number) {
  return Array.from({ length: count }, () =>
    app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: { authorization: `Bearer ${token}` },
      payload: buildIncidentInput(),
    }),
  );
}

function expectGapFreeKeys(responses: { statusCode: number; body: string }[], count: number): void {
  for (const response of responses) expect(response.statusCode, response.body).toBe(201);
  const keys = responses.map((r) => (JSON.parse(r.body) as Incident).key);
  const numbers = keys.map((key) => Number(key.slice("INC-".length))).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
}

describe("incident keys under concurrent creation", () => {
  it("hands 40 simultaneous creations the unique, gap-free keys INC-1..INC-40", async () => {
    t = await createTestApp();
    const responses = await Promise.all(createMany(t.app, t.users.editor.token, 40));
    expectGapFreeKeys(responses, 40);
    const rows = await t.testDb.db.selectFrom("incidents").select("number").execute();
    expect(rows).toHaveLength(40);
    const postmortems = await t.testDb.db.selectFrom("postmortems").select("incidentId").execute();
    expect(postmortems).toHaveLength(40);
  });

  it("continues numbering after the keys already handed out", async () => {
    t = await createTestApp();
    await Promise.all(createMany(t.app, t.users.editor.token, 3));
    const next = await Promise.all(createMany(t.app, t.users.editor.token, 5));
    const numbers = next.map((r) => Number(r.json<Incident>().key.slice(4))).sort((a, b) => a - b);
    expect(numbers).toEqual([4, 5, 6, 7, 8]);
  });

  it.runIf(testDialect === "postgres")(
    "keeps keys unique and gap-free across two app instances on one database",
    async () => {
      t = await createTestApp();
      second = await buildApp({ db: t.testDb.connectAgain(), clock: t.clock });
      const token = t.users.editor.token;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => [
          ...createMany(t!.app, token, 1),
          ...createMany(second!, token, 1),
        ]).flat(),
      );
      expectGapFreeKeys(responses, 40);
      const fromSecond = await second.inject({
        method: "GET",
        url: "/api/v1/incidents?limit=500",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(fromSecond.json<{ items: Incident[] }>().items).toHaveLength(40);
    },
  );
});
