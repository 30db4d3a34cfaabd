import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostmortemRecord } from "../src/postmortems/export/postmortem-record.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
let key: string;
const url = (k: string, query = "") => `/api/v1/incidents/${k}/postmortem/export${query}`;

beforeAll(async () => {
  t = await createTestApp();
  key = await t.openIncident({ title: "Checkout <b>API</b> errors", impact: "EU checkout failed" });
  await t.app.inject({
    method: "POST",
    url: `/api/v1/incidents/${key}/timeline`,
    headers: t.as("editor"),
    payload: { occurredAt: "2026-03-18T14:09:00Z", text: "Alert fires", kind: "alert" },
  });
});
afterAll(() => t.close());

describe("GET /api/v1/incidents/:key/postmortem/export", () => {
  it("downloads Markdown by default, as an attachment named after the incident", async () => {
    const response = await t.app.inject({ method: "GET", url: url(key), headers: t.as("viewer") });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${key}.md"`);
    expect(response.body).toContain("# Checkout \\<b>API\\</b> errors\n");
    expect(response.body).toContain("\n## Timeline (UTC)\n- 14:09 - Alert fires\n");
  });

  it("downloads the whole record as JSON", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: url(key, "?format=json"),
      headers: t.as("viewer"),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${key}.json"`);
    const record = PostmortemRecord.parse(response.json());
    expect(record.incident.key).toBe(key);
    expect(record.timeline.map((e) => e.text)).toEqual(["Alert fires"]);
  });

  it("downloads a printable HTML page with user text made inert", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: url(key, "?format=html"),
      headers: t.as("viewer"),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${key}.html"`);
    expect(response.body).toContain("@media print");
    expect(response.body).not.toContain("<b>API</b>");
    expect(response.body).toContain("&#x3C;b>API&#x3C;/b>");
  });

  it("refuses an unknown format with 400 naming format", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: url(key, "?format=pdf"),
      headers: t.as("viewer"),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["format"]);
  });

  it("answers 404 for an incident that does not exist", async () => {
    const response = await t.app.inject({ method: "GET", url: url("INC-987654"), headers: t.as("viewer") });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ detail: string }>().detail).toContain("INC-987654");
  });
});
