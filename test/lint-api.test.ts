import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostmortemLint } from "../src/lint/lint-postmortem.ts";
import { createTestApp, type TestApp } from "./http.ts";

const BLAME = "John was careless and pushed the bad config.";

let t: TestApp;
const url = (key: string) => `/api/v1/incidents/${key}/postmortem/lint`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function writeRootCause(key: string, rootCause: string): Promise<void> {
  const response = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/incidents/${key}/postmortem`,
    headers: t.as("editor", { "if-match": '"1"' }),
    payload: { rootCause, contributingFactors: ["The proxy accepted a config it could not parse."] },
  });
  if (response.statusCode !== 200) throw new Error(`could not write the root cause: ${response.body}`);
}

describe("GET /api/v1/incidents/:key/postmortem/lint", () => {
  it("answers 401 without credentials and 404 for an unknown incident", async () => {
    const key = await t.openIncident();
    expect((await t.app.inject({ method: "GET", url: url(key) })).statusCode).toBe(401);
    const missing = await t.app.inject({ method: "GET", url: url("INC-987654"), headers: t.as("viewer") });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("returns blame in the root cause as a finding located by section and offset, with a summary", async () => {
    const key = await t.openIncident();
    await writeRootCause(key, `A config with a typo reached the edge proxies.\n\n${BLAME}`);
    const response = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(response.statusCode).toBe(200);
    const body = PostmortemLint.parse(response.json());
    expect(body).toMatchObject({ key, postmortemVersion: 2 });
    const blame = body.findings.filter((f) => f.ruleId === "blame-language");
    expect(blame).toEqual([
      expect.objectContaining({
        severity: "error",
        section: "Root Cause",
        offset: 3,
        message: expect.any(String),
        suggestion: expect.any(String),
      }),
    ]);
    expect(body.summary.byRule["blame-language"]).toBe(1);
    expect(body.summary.errors).toBe(body.findings.filter((f) => f.severity === "error").length);
    expect(body.summary.score).toBeLessThanOrEqual(90);
  });

  it("finds no blame once the root cause is about the system", async () => {
    const key = await t.openIncident();
    await writeRootCause(
      key,
      "The proxy reloads any config it is given, and nothing checks a config before it ships.",
    );
    const response = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(response.statusCode).toBe(200);
    const body = PostmortemLint.parse(response.json());
    expect(body.findings.filter((f) => f.ruleId === "blame-language")).toEqual([]);
    expect(body.summary.byRule["blame-language"]).toBe(0);
  });
});
