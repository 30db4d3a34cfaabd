import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp, type App } from "../../src/server/app.ts";
import { createTestDb, type TestDb } from "../test-db.ts";
import { describeBrowser, openBrowser, type BrowserSession } from "./browser.ts";
import { watchConsole } from "./checks.ts";
import { ensureWebBuilt } from "./server.ts";

describeBrowser("API documentation in a browser", () => {
  let testDb: TestDb;
  let app: App;
  let baseUrl: string;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    await ensureWebBuilt();
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

  it("serves the web app at the front page, under its Content-Security-Policy", async () => {
    const page = browser!.page;
    const response = await page.goto(`${baseUrl}/`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { name: "Sign in to Hindsight" }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("keeps the API documentation working under its own policy", async () => {
    const page = browser!.page;
    const { problems } = watchConsole(page);
    await page.goto(`${baseUrl}/api/docs`);
    await expect
      .poll(() => page.locator(".information-container .title").first().textContent(), { timeout: 15_000 })
      .toContain("Hindsight API");
    expect(problems).toEqual([]);
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
