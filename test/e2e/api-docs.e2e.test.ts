import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp, type App } from "../../src/server/app.ts";
import { createTestDb, type TestDb } from "../test-db.ts";
import { describeBrowser, openBrowser, type BrowserSession } from "./browser.ts";

describeBrowser("API documentation in a browser", () => {
  let testDb: TestDb;
  let app: App;
  let baseUrl: string;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    testDb = await createTestDb();
    app = await buildApp({ db: testDb.db });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDb?.destroy();
  });

  it("sends a visitor of the front page to the API documentation", async () => {
    const page = browser!.page;
    const response = await page.goto(`${baseUrl}/`);

    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(/^\/api\/docs\/?$/);
    await expect
      .poll(() => page.locator(".information-container .title").first().textContent(), { timeout: 15_000 })
      .toContain("Hindsight API");
  });

  it("lists the incident operations with their paths", async () => {
    const page = browser!.page;
    await page.goto(`${baseUrl}/api/docs`);

    const paths = page.locator(".opblock-summary-path");
    await paths.first().waitFor({ timeout: 15_000 });
    const shown = await paths.allTextContents();
    expect(shown.map((text) => text.replace(/\u200b/g, "").trim())).toContain("/api/v1/incidents");
  });
});
