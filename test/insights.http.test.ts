import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSIGHTS_CSV_COLUMNS } from "../src/insights/insights-csv.ts";
import type { Insights } from "../src/insights/insights.ts";
import { createTestApp, type TestApp } from "./http.ts";

/** Reads RFC 4180 text back into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  expect(field, "the text ends with CRLF").toBe("");
  return rows;
}

const PERIOD = "from=2026-01-01&to=2026-04-01";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.openIncident({
    severity: "P1",
    startedAt: "2026-02-10T10:00:00Z",
    detectedAt: "2026-02-10T10:30:00Z",
    tags: ["payments"],
  });
  await t.openIncident({ severity: "P2", startedAt: "2026-03-18T14:00:00Z", tags: ["payments"] });
});
afterAll(() => t.close());

describe("GET /api/v1/insights", () => {
  it("needs a signed-in user and lets a viewer read", async () => {
    expect((await t.app.inject({ url: `/api/v1/insights?${PERIOD}` })).statusCode).toBe(401);
    const response = await t.app.inject({ url: `/api/v1/insights?${PERIOD}`, headers: t.as("viewer") });
    expect(response.statusCode, response.body).toBe(200);
    const insights = response.json<Insights>();
    expect(insights.period).toEqual({ from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
    expect(insights.incidents.byMonth.map((m) => [m.month, m.total])).toEqual([
      ["2026-01", 0],
      ["2026-02", 1],
      ["2026-03", 1],
    ]);
    expect(insights.timeToDetect).toMatchObject({ count: 1, medianSeconds: 1800, p90Seconds: 1800 });
    expect(insights.recurring.tags).toEqual([{ value: "payments", incidents: 2 }]);
  });

  it("applies the filters", async () => {
    const response = await t.app.inject({
      url: `/api/v1/insights?${PERIOD}&severity=P2&tag=payments`,
      headers: t.as("viewer"),
    });
    expect(response.json<Insights>().incidents.bySeverity).toEqual({ P1: 0, P2: 1, P3: 0 });
  });

  it("answers 400 naming from when it is not a date, or not before to", async () => {
    for (const query of [
      "from=2026-13-01",
      "from=yesterday",
      "from=2026-03-01&to=2026-02-01",
      "from=2019-01-01",
    ]) {
      const response = await t.app.inject({ url: `/api/v1/insights?${query}`, headers: t.as("viewer") });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(
        response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path),
        query,
      ).toEqual(["from"]);
    }
    const unknown = await t.app.inject({ url: "/api/v1/insights?form=2026-01-01", headers: t.as("viewer") });
    expect(unknown.statusCode).toBe(400);
  });

  it("downloads CSV: a header row, one row per month and a total row, as a spreadsheet reads it", async () => {
    const response = await t.app.inject({
      url: `/api/v1/insights?${PERIOD}&format=csv`,
      headers: t.as("viewer"),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="hindsight-insights-2026-01-01-2026-04-01.csv"',
    );
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([...INSIGHTS_CSV_COLUMNS]);
    const byMonth = Object.fromEntries(
      rows.map((row) => [row[0], Object.fromEntries(header!.map((h, i) => [h, row[i]]))]),
    );
    expect(Object.keys(byMonth)).toEqual(["2026-01", "2026-02", "2026-03", "total"]);
    expect(byMonth["2026-02"]).toMatchObject({
      incidents: "1",
      p1: "1",
      time_to_detect_median_seconds: "1800",
    });
    expect(byMonth["2026-01"]).toMatchObject({ incidents: "0", time_to_detect_median_seconds: "" });
    expect(byMonth.total).toMatchObject({ incidents: "2", p1: "1", p2: "1", time_to_detect_count: "1" });
  });

  it("answers CSV to Accept: text/csv unless format=json says otherwise", async () => {
    const csv = await t.app.inject({
      url: `/api/v1/insights?${PERIOD}`,
      headers: t.as("viewer", { accept: "text/csv" }),
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const json = await t.app.inject({
      url: `/api/v1/insights?${PERIOD}&format=json`,
      headers: t.as("viewer", { accept: "text/csv" }),
    });
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
    const preferred = await t.app.inject({
      url: `/api/v1/insights?${PERIOD}`,
      headers: t.as("viewer", { accept: "application/json, text/csv;q=0.5" }),
    });
    expect(preferred.headers["content-type"]).toMatch(/^application\/json/);
  });
});
