import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { PostmortemActionItems } from "./pages/action-items.page.ts";
import { IncidentPage } from "./pages/incident.page.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { MeetingPage, ReviewPanel } from "./pages/meeting.page.ts";
import { PostmortemPage } from "./pages/postmortem-page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { WhysPage } from "./pages/whys.page.ts";
import { startServer, type RunningServer } from "./server.ts";

/** `HH:MM` in UTC, `minutes` ago. */
function utcClock(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(11, 16);
}

describeBrowser("the on-call journey in a browser, at 360 px", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let page: Page;
  let console_: { problems: string[] };
  let key: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    console_ = watchConsole(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in, declares, captures three entries (one back-dated), edits one and resolves", async () => {
    const signIn = new SignInPage(page, server.url);
    const incidents = new IncidentsPage(page, server.url);
    const incident = new IncidentPage(page, server.url);

    // Signed out, a client route leads to the sign-in page and back after signing in.
    await signIn.open("/incidents");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signIn.signIn(server.admin.email, "not the password");
    expect(await signIn.error().textContent()).toBe("That e-mail and password do not match an account.");
    await checkPage(page, "sign-in");
    await signIn.signIn(server.admin.email, server.admin.password);
    await incidents.heading().waitFor();
    expect(new URL(page.url()).pathname).toBe("/incidents");
    await checkPage(page, "incidents-empty");

    await incidents.openDeclareDialog();
    const start = await incidents.declareDialog().getByLabel("Started at (UTC)").inputValue();
    // Defaults to now in UTC (this minute, or the last one if the clock just turned).
    const minute = (ago: number) => new Date(Date.now() - ago).toISOString().slice(0, 16).replace("T", " ");
    expect([minute(0), minute(60_000)]).toContain(start);
    await checkPage(page, "declare-incident");
    key = await incidents.declare({ title: "Checkout API returns 502s", severity: "P1" });
    await incident.waitUntilReady();

    const backDated = utcClock(10);
    await incident.addEntry(`${backDated} Error rate alert fired`);
    await incident.addEntry("Rolled back the deploy", "action");
    await incident.addEntry("Error rates back to normal");
    await incident.entry("Error rates back to normal").waitFor();
    await expect.poll(() => incident.entries().count()).toBe(3);
    const rows = await incident.entries().allTextContents();
    expect(rows[0]).toContain(`${backDated} UTC`);
    expect(rows[0]).toContain("Error rate alert fired");
    expect(rows[1]).toMatch(/Action.*Rolled back the deploy/);
    expect(rows[2]).toMatch(/Event.*Error rates back to normal/);
    // UTC on the page, the reader's local time on hover.
    const time = incident.entry("Error rate alert fired").getByRole("time");
    expect(await time.getAttribute("title")).toMatch(/CES?T|GMT\+[12]/);

    await incident.editEntry("Rolled back the deploy", "Rolled back deploy 2026.3.1");
    await incident.entry("Rolled back deploy 2026.3.1").waitFor();
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label') ?? ''"))
      .toMatch(/^Edit entry at .*Rolled back deploy 2026\.3\.1$/);

    await incident.mark("resolved");
    await incident.state().getByText("Resolved", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Mark resolved" }).count()).toBe(0);
    await checkPage(page, "incident");

    // The client route survives a reload, with what was saved.
    await page.reload();
    await incident.entry("Rolled back deploy 2026.3.1").waitFor();
    expect(await incident.entries().count()).toBe(3);

    await incidents.open();
    await incidents.filter("Status", "Resolved");
    await incidents.incidentLink(`${key} Checkout API returns 502s`).waitFor();
    await checkPage(page, "incidents");
    await incidents.filter("Status", "Open");
    await page.getByText("No incidents match these filters.").waitFor();

    expect(console_.problems).toEqual([]);
  }, 120_000);

  it("writes the post-mortem, loses the blame finding once reworded, asks five whys, runs the meeting and publishes", async () => {
    const editor = new PostmortemPage(page, server.url);
    const whys = new WhysPage(page, server.url);
    const actionItems = new PostmortemActionItems(page);
    const review = new ReviewPanel(page);
    const meeting = new MeetingPage(page, server.url);

    await editor.open(key);
    await editor.write("Summary", "Checkout returned 502s to a third of EU customers for 40 minutes.");
    await editor.write("Root cause", "Dave was careless and pushed a bad pool size to production.");
    await editor.waitUntilSaved();
    const blame = editor.finding(/careless/);
    await blame.waitFor();
    await editor.write(
      "Root cause",
      "A pool size of 0 passed review because nothing validates config values.",
    );
    await editor.write("Detection", "The 5xx alert paged on-call 7 minutes after the deploy.");
    await editor.write(
      "Resolution",
      "Rolled back the config change; error rates recovered within 4 minutes.",
    );
    await editor.waitUntilSaved();
    await expect.poll(() => editor.finding(/careless/).count(), { timeout: 15_000 }).toBe(0);

    await whys.startAnalysis("Checkout returned 502s");
    await whys.answer("Checkout returned 502s", "The API ran out of database connections");
    await whys.answer("The API ran out of database connections", "The pool size was set to 0");
    await whys.answer("The pool size was set to 0", "Config values are not validated before deploy");
    const id = await whys.makeActionItem("Config values are not validated before deploy", {
      owner: "Ana Lead",
      type: "Prevent",
      priority: "High",
    });
    // The post-mortem's action items section shows what the five whys created.
    await actionItems.item("Config values are not validated before deploy").waitFor();
    await checkPage(page, "journey-postmortem");

    await review.meetingModeLink().click();
    await meeting.heading().waitFor();
    await meeting.start();
    await meeting.addAttendee("Ana Lead", "ana@example.com");
    await meeting.next();
    await expect.poll(() => meeting.currentSection()).toMatch(/^Review the timeline/);
    await checkPage(page, "journey-meeting");
    await meeting.end();

    await editor.open(key);
    await review.recordHeld();
    await review.submitForReview();
    await review.publish();
    await expect.poll(() => review.status(), { timeout: 15_000 }).toMatch(/^Published/);

    const published = await page.request.get(`${server.url}/api/v1/incidents/${key}/postmortem`);
    expect(await published.json()).toMatchObject({ status: "published" });
    const item = await page.request.get(`${server.url}/api/v1/action-items/${id}`);
    expect(await item.json()).toMatchObject({ owner: "Ana Lead", type: "prevent", priority: "high" });
    expect(console_.problems).toEqual([]);
  }, 180_000);

  it("offers a viewer no writes, and signs them out", async () => {
    const viewer = await server.createUser("viewer", "Val Viewer");
    const viewerPage = await browser.newPage({ width: 360, height: 780 });
    const signIn = new SignInPage(viewerPage, server.url);
    const incidents = new IncidentsPage(viewerPage, server.url);
    const incident = new IncidentPage(viewerPage, server.url);

    await signIn.open();
    await signIn.signIn(viewer.email, viewer.password);
    await incidents.heading().waitFor();
    await incidents.list().waitFor();
    expect(await incidents.declareButton().count()).toBe(0);

    await incident.open("INC-1");
    await incident.timeline().waitFor();
    expect(await incident.capture().count()).toBe(0);
    expect(await viewerPage.getByRole("button", { name: /^(Edit entry|Mark )/ }).count()).toBe(0);
    await checkPage(viewerPage, "incident-viewer");

    await incidents.signOut();
    await signIn.heading().waitFor();
  }, 120_000);

  it("edits the incident's details (impact, customer impact, services, detection) and keeps them on reload", async () => {
    const incident = new IncidentPage(page, server.url);
    const detectedAt = new Date().toISOString().slice(0, 16).replace("T", " ");

    await incident.open(key);
    await incident.openDetailsEditor();
    await incident.fillDetails({
      impact: "About 30% of EU checkouts failed with a 502.",
      customerImpact: true,
      services: "checkout-api, payments",
      detectedAt,
    });
    await checkPage(page, "incident-details");
    await incident.saveDetails();

    const expectShown = async () => {
      const details = incident.details();
      await details.getByText("About 30% of EU checkouts failed with a 502.").waitFor();
      const text = await details.textContent();
      expect(text).toContain("Customer impact");
      expect(text).toContain("checkout-api, payments");
      expect(text).toContain(`${detectedAt} UTC`);
    };
    await expectShown();
    await page.reload();
    await expectShown();
    expect(console_.problems).toEqual([]);
  }, 120_000);

  it("shows an entry added through the API without a reload, and deletes one from the page", async () => {
    const incident = new IncidentPage(page, server.url);
    await incident.open(key);
    await incident.entry("Error rates back to normal").waitFor();

    const response = await page.request.post(`${server.url}/api/v1/incidents/${key}/timeline`, {
      headers: { origin: server.url },
      data: { text: "Paged the database team from the CLI", kind: "communication" },
    });
    expect(response.status()).toBe(201);
    // The page reads the timeline again every 5 s while it is visible.
    await incident.entry("Paged the database team from the CLI").waitFor({ timeout: 15_000 });
    await checkPage(page, "incident-live");

    await incident.deleteEntry("Paged the database team from the CLI");
    await incident.entry("Paged the database team from the CLI").waitFor({ state: "detached" });
    await page.reload();
    await incident.entry("Error rates back to normal").waitFor();
    expect(await incident.entry("Paged the database team from the CLI").count()).toBe(0);
    expect(console_.problems).toEqual([]);
  }, 120_000);
});
