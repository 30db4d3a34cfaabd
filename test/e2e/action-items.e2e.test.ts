import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { ActionItemsBoard, PostmortemActionItems } from "./pages/action-items.page.ts";
import { IncidentPage } from "./pages/incident.page.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { PostmortemPage } from "./pages/postmortem-page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer, type SeededUser } from "./server.ts";

const ITEM = "Validate the pool size before a config rollout";

describeBrowser("action items in a browser", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let editor: SeededUser;
  let key: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    editor = await server.createUser("editor", "Eve Editor");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(user: SeededUser): Promise<Page> {
    const page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(user.email, user.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    return page;
  }

  it("adds an item on the post-mortem, finds it under Mine, marks it done, and Overdue is empty", async () => {
    const page = await signedIn(editor);
    const problems = watchConsole(page);
    key = await new IncidentsPage(page, server.url).declare({
      title: "Checkout API returns 502s",
      severity: "P1",
    });
    await new PostmortemPage(page, server.url).open(key);
    const section = new PostmortemActionItems(page);
    await section.add({
      title: ITEM,
      owner: editor.name,
      dueDate: "2025-01-15",
      type: "Prevent",
      priority: "High",
      link: "https://github.com/acme/checkout/issues/812",
    });
    expect(await section.item(ITEM).textContent()).toContain("Owner: Eve Editor");
    await section.item(ITEM).scrollIntoViewIfNeeded();
    await checkPage(page, "postmortem-action-items");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action items" }).click();
    const board = new ActionItemsBoard(page, server.url);
    await board.waitUntilLoaded();
    expect(await board.page.getByRole("link", { name: "Mine" }).getAttribute("aria-current")).toBe("page");
    const row = board.item(ITEM);
    expect(await row.textContent()).toMatch(/Overdue.*High priority.*Owner: Eve Editor.*Due: 2025-01-15/);
    expect(await board.incidentLink(ITEM).textContent()).toBe(key);
    await checkPage(page, "action-items");

    await board.markDone(ITEM);
    await row.getByText("Done", { exact: true }).waitFor();
    expect(await row.getByText("Overdue").count()).toBe(0);

    await board.view("Overdue");
    await board.empty().waitFor();
    expect(await board.empty().textContent()).toBe("No overdue action items.");
    // The view is in the address: a reload (or a bookmark) opens it again.
    await page.reload();
    await board.waitUntilLoaded();
    expect(await board.empty().textContent()).toBe("No overdue action items.");
    await checkPage(page, "action-items-overdue-empty");
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("shows their version when someone saved the item first, then saves yours over it", async () => {
    const eve = new ActionItemsBoard(await signedIn(editor), server.url);
    const ada = new ActionItemsBoard(await signedIn(server.admin), server.url);
    await eve.open("?view=all");
    await ada.open("?view=all");

    await ada.edit(ITEM, { owner: "Ada Admin" });
    await ada.item(ITEM).getByText("Owner: Ada Admin").waitFor();

    await eve.edit(ITEM, { status: "Won't do", reason: "The pool is replaced next quarter" });
    await eve.theirVersion(ITEM).waitFor();
    expect(await eve.theirVersion(ITEM).textContent()).toContain("owner Ada Admin");
    await checkPage(eve.page, "action-items-conflict");
    await eve.save(ITEM);
    await eve.item(ITEM).getByText("Won't do: The pool is replaced next quarter").waitFor();
    expect(await eve.item(ITEM).textContent()).toContain("Owner: Ada Admin");
  }, 120_000);

  it("shows a viewer the board and the post-mortem's items without edit controls", async () => {
    const page = await signedIn(await server.createUser("viewer", "Val Viewer"));
    const board = new ActionItemsBoard(page, server.url);
    await board.open("?view=all&status=wont_do");
    await board.item(ITEM).waitFor();
    expect(await page.getByRole("button", { name: /^(Edit|Mark done)/ }).count()).toBe(0);

    await board.incidentLink(ITEM).click();
    await new PostmortemPage(page, server.url).heading().waitFor();
    const section = new PostmortemActionItems(page);
    await section.item(ITEM).waitFor();
    expect(await section.section().getByRole("button").count()).toBe(0);
  }, 60_000);

  it("shows each team's counts By team, and a team's items when opened", async () => {
    const page = await signedIn(editor);
    const problems = watchConsole(page);
    const teamKey = await new IncidentsPage(page, server.url).declare({
      title: "Card payments time out",
      severity: "P2",
    });
    const incident = new IncidentPage(page, server.url);
    await incident.open(teamKey);
    await incident.openDetailsEditor();
    await incident.fillDetails({ services: "card-payments, checkout-api" });
    await incident.saveDetails();
    await new PostmortemPage(page, server.url).open(teamKey);
    const section = new PostmortemActionItems(page);
    await section.add({ title: "Retry card authorisation once", dueDate: "2025-02-01" });
    await section.add({ title: "Alert on payment timeouts" });

    const board = new ActionItemsBoard(page, server.url);
    await board.open("?view=all");
    await board.view("By team");
    expect(await board.teamCounts("card-payments")).toEqual({ open: 2, overdue: 1, done: 0 });
    await checkPage(page, "action-items-by-team");

    await board.openTeam("card-payments");
    await board.item("Retry card authorisation once").waitFor();
    expect(await board.item("Alert on payment timeouts").count()).toBe(1);
    expect(await board.item(ITEM).count()).toBe(0);
    await checkPage(page, "action-items-team");
    await board.allTeams();
    expect(problems.problems).toEqual([]);
  }, 120_000);
});
