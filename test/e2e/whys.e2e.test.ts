import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { WhysPage } from "./pages/whys.page.ts";
import { startServer, type RunningServer, type SeededUser } from "./server.ts";

const PROBLEM = "Checkout returned 502s for 40 minutes";
const POOL = "The database connection pool was exhausted";
const LEAK = "A deploy leaked a connection on every retry";
const UNTESTED = "Connection handling has no test that runs under retries";
const RETRIES = "Client retries multiplied the load";

describeBrowser("the five-whys tree in a browser, at 360 px", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let key: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(user: SeededUser): Promise<Page> {
    const page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    await new SignInPage(page, server.url).open();
    await new SignInPage(page, server.url).signIn(user.email, user.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    return page;
  }

  it("lets an editor build three levels of whys with a branch and turn a leaf into an action item", async () => {
    const editor = await signedIn(await server.createUser("editor", "Eddie Editor"));
    const problems = watchConsole(editor);
    key = await new IncidentsPage(editor, server.url).declare({
      title: "Checkout API returns 502s",
      severity: "P1",
    });
    const whys = new WhysPage(editor, server.url);
    await whys.open(key);

    await whys.startAnalysis(PROBLEM);
    await whys.answer(PROBLEM, POOL);
    await whys.answer(POOL, LEAK);
    await whys.answer(LEAK, UNTESTED);
    // A second answer to the first why is a second cause: a branch beside the first.
    await whys.answer(PROBLEM, RETRIES);
    expect(await whys.lines(1)).toEqual([
      `Problem ${PROBLEM}`,
      `Why 1 ${POOL}`,
      `Why 2 ${LEAK}`,
      `Why 3 ${UNTESTED}`,
      `Why 1 ${RETRIES}`,
    ]);
    expect(
      await whys
        .whyItem(RETRIES)
        .getByText(/^The chain stops at Why 1/)
        .count(),
    ).toBe(1);

    await whys.openActionItemForm(UNTESTED);
    expect(await whys.actionItemForm().getByLabel("Title").inputValue()).toBe(UNTESTED);
    await checkPage(editor, "whys-action-item-form");
    const id = await whys.makeActionItem(UNTESTED, {
      owner: "Platform team",
      dueDate: "2026-04-30",
      type: "Prevent",
      priority: "High",
    });
    await expect
      .poll(() => editor.evaluate("document.activeElement?.textContent"))
      .toBe(`action item #${id}`);
    const item = await (await editor.request.get(`${server.url}/api/v1/action-items/${id}`)).json();
    expect(item).toMatchObject({
      incidentKey: key,
      title: UNTESTED,
      owner: "Platform team",
      dueDate: "2026-04-30",
      type: "prevent",
      priority: "high",
    });
    expect(await whys.button(`Make an action item: ${UNTESTED}`).count()).toBe(0);
    await checkPage(editor, "whys");

    // What was built survives a reload.
    await editor.reload();
    await whys.actionItemLink(id).waitFor();
    expect(await whys.lines(1)).toHaveLength(5);
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("shows a viewer the tree read-only", async () => {
    const viewer = await signedIn(await server.createUser("viewer", "Val Viewer"));
    const whys = new WhysPage(viewer, server.url);
    await whys.open(key);
    await whys.actionItemLink().waitFor();
    expect(await whys.lines(1)).toHaveLength(5);
    expect(await whys.section().getByRole("button").count()).toBe(0);
    expect(await whys.problemStatement().count()).toBe(0);
    await checkPage(viewer, "whys-viewer");
  }, 60_000);
});
