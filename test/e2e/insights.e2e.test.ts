import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { InsightsPage } from "./pages/insights.page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer } from "./server.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An ISO instant `ms` after `base`. */
const at = (base: number, ms = 0) => new Date(base + ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describeBrowser("insights in a browser, at 360 px", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(server.admin.email, server.admin.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    await seed(page.request, server.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the last 12 months' figures and tables, and narrows them by severity", async () => {
    const problems = watchConsole(page);
    const insights = new InsightsPage(page, server.url);
    await insights.open();
    expect(await insights.summary().textContent()).toMatch(/^3 incidents from /);
    expect(await insights.figure("Incidents", "P1 critical")).toBe("1");
    expect(await insights.figure("Incidents", "P2 major")).toBe("2");
    expect(await insights.figure("Time to detect", "Median")).toBe("10 min");
    expect(await insights.figure("Time to resolve", "Median")).toBe("2 h");
    expect(await insights.figure("Action items", "Opened")).toBe("3");
    expect(await insights.figure("Action items", "Done")).toBe("1");
    expect(await insights.figure("Action items", "Still open")).toBe("2");

    const rows = await insights.table("Incidents per month by severity");
    expect(rows[0]).toEqual(["Month", "P1", "P2", "P3", "Total"]);
    expect(rows).toHaveLength(13);
    // Every month of the period is listed; the three incidents add up across them.
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[4]), 0)).toBe(3);
    const checkout = insights.recurring("Recurring services").getByRole("link", { name: "checkout" });
    expect(await checkout.getAttribute("href")).toBe("/library?service=checkout&status=any");
    // No post-mortem was reviewed yet: the lint chart says so instead of drawing empty axes.
    await insights
      .chart("Linter findings per post-mortem, by month")
      .getByText("No post-mortem of these incidents is in review or published yet.")
      .waitFor();
    await checkPage(page, "insights");

    await insights.filterSeverity("P2 (major)");
    await expect.poll(() => new URL(page.url()).search).toBe("?severity=P2");
    await expect.poll(() => insights.summary().textContent()).toMatch(/^2 incidents from .*, severity P2$/);
    expect(await insights.figure("Incidents", "P1 critical")).toBe("0");
    expect(await insights.figure("Time to resolve", "Median")).toBe("3 h");
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("links the same report as CSV, and says when a period is empty or a date is wrong", async () => {
    const insights = new InsightsPage(page, server.url);
    const today = at(Date.now()).slice(0, 10);
    await insights.open(`?severity=P2&to=${today}`);
    const href = await insights.csvLink().getAttribute("href");
    // The address holds the last day shown; the API's `to` is exclusive, so the link asks for the next.
    expect(href).toBe(
      `/api/v1/insights?to=${at(Date.parse(today), DAY).slice(0, 10)}&severity=P2&format=csv`,
    );
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^month,incidents,p1,p2,p3,/);
    expect(lines.at(-1)).toMatch(/^total,2,0,2,0,/);

    await insights.open("?from=2020-01-01&to=2020-06-30");
    await insights.emptyMessage().waitFor();
    expect(await insights.chart("Incidents per month by severity").count()).toBe(0);
    await checkPage(page, "insights-empty");

    await insights.open("?from=2020-02-30");
    expect(await insights.alert().textContent()).toBe("Check the filters: no report was made.");
    expect(await insights.field("From").getAttribute("aria-invalid")).toBe("true");
    await page.getByText(/must be a date YYYY-MM-DD/).waitFor();
    // The link would download the API's complaint: it is replaced by a hint until the filters are fixed.
    expect(await insights.csvLink().count()).toBe(0);
    await insights.csvHint().waitFor();
  }, 120_000);
});

/**
 * Three incidents in the last two months, through the API as a user would file them: resolve times
 * 2 h (P1), 1 h and 5 h (P2); "checkout" on two of them; three action items, one done.
 */
async function seed(request: APIRequestContext, url: string): Promise<void> {
  const headers = { origin: url };
  const now = Date.now();
  const incidents = [
    { title: "Checkout 502s", severity: "P1", ago: 50, detect: 10, resolve: 2, services: ["checkout"] },
    { title: "Slow checkout", severity: "P2", ago: 30, detect: 5, resolve: 1, services: ["checkout"] },
    { title: "Search index stale", severity: "P2", ago: 20, detect: 20, resolve: 5, services: ["search"] },
  ];
  const keys: string[] = [];
  for (const incident of incidents) {
    const start = now - incident.ago * DAY;
    const response = await request.post(`${url}/api/v1/incidents`, {
      headers,
      data: {
        title: incident.title,
        severity: incident.severity,
        status: "resolved",
        startedAt: at(start),
        detectedAt: at(start, incident.detect * 60_000),
        resolvedAt: at(start, incident.resolve * HOUR),
        services: incident.services,
        tags: ["deploy"],
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    keys.push(((await response.json()) as { key: string }).key);
  }
  const items: { id: string | number; version: number }[] = [];
  for (const [key, title] of [
    [keys[0], "Add a canary for config changes"],
    [keys[0], "Alert on pool exhaustion"],
    [keys[1], "Cache the cart totals"],
  ]) {
    const response = await request.post(`${url}/api/v1/incidents/${key}/action-items`, {
      headers,
      data: { title },
    });
    expect(response.status(), await response.text()).toBe(201);
    items.push((await response.json()) as { id: string; version: number });
  }
  const done = await request.patch(`${url}/api/v1/action-items/${items[0]!.id}`, {
    headers: { ...headers, "if-match": `"${items[0]!.version}"` },
    data: { status: "done" },
  });
  expect(done.status(), await done.text()).toBe(200);
}
