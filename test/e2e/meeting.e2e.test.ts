import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { MeetingPage, ReviewPanel } from "./pages/meeting.page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer, type SeededUser } from "./server.ts";

describeBrowser("meeting mode and the review panel in a browser", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let facilitator: Page;
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
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(user.email, user.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    return page;
  }

  /** Writes the sections publishing needs, as the editor would (through the API, with If-Match). */
  async function writeUp(page: Page): Promise<void> {
    const url = `${server.url}/api/v1/incidents/${key}/postmortem`;
    const current = (await (await page.request.get(url)).json()) as { version: number };
    const response = await page.request.patch(url, {
      headers: { origin: server.url, "if-match": `"${current.version}"` },
      data: {
        summary: "Checkout returned 502s for 40 minutes.",
        rootCause: "A connection pool size of 0 reached production unchecked.",
        detection: "The 5xx alert paged on-call after 7 minutes.",
        resolution: "Rolled back the config change.",
      },
    });
    expect(response.status()).toBe(200);
  }

  it("moves a follower's page with the facilitator's next section", async () => {
    facilitator = await signedIn(server.admin);
    const problems = watchConsole(facilitator);
    key = await new IncidentsPage(facilitator, server.url).declare({
      title: "Checkout 502s",
      severity: "P1",
    });
    await writeUp(facilitator);

    const room = new MeetingPage(facilitator, server.url);
    await room.open(key);
    await room.start();
    expect(await room.currentSection()).toMatch(/^Set the stage/);
    await room.addAttendee("Ana Lead", "ana@example.com");

    const editor = await server.createUser("editor", "Eve Follower");
    const followerPage = await signedIn(editor);
    const follower = new MeetingPage(followerPage, server.url);
    await follower.open(key);
    expect(await follower.currentSection()).toMatch(/^Set the stage/);
    await follower.attendees().getByText("Ana Lead").waitFor();

    await room.next();
    await expect.poll(() => room.currentSection()).toMatch(/^Review the timeline/);
    // The follower polls every two seconds and moves with the room.
    await expect.poll(() => follower.currentSection(), { timeout: 10_000 }).toMatch(/^Review the timeline/);
    await follower.sectionHeading("Review the timeline").waitFor();
    // Both count down to the server's end of the section.
    await expect
      .poll(async () => (await follower.timer().textContent()) ?? "")
      .toMatch(/^(09:5\d|10:00) left$/);
    expect(await room.timer().textContent()).toMatch(/^(09:5\d|10:00) left$/);

    // The follower's notes reach the facilitator's page.
    await follower.writeNotes("Review the timeline", "The alert fired 7 minutes after the deploy.");
    await follower.waitUntilNotesSaved();
    await expect
      .poll(() => room.notes("Review the timeline").inputValue(), { timeout: 10_000 })
      .toBe("The alert fired 7 minutes after the deploy.");

    // N is the facilitator's keyboard shortcut for the next section.
    await facilitator.getByRole("heading", { level: 1 }).click();
    await facilitator.keyboard.press("n");
    await expect.poll(() => follower.currentSection(), { timeout: 10_000 }).toMatch(/^Discuss root cause/);
    await followerPage.getByText("A connection pool size of 0 reached production unchecked.").waitFor();

    // The agenda moves the room straight back to a section, for everyone.
    await room.goTo("Review the timeline");
    await expect.poll(() => follower.currentSection(), { timeout: 10_000 }).toMatch(/^Review the timeline/);
    await follower.sectionHeading("Review the timeline").waitFor();

    await checkPage(facilitator, "meeting");
    await checkPage(followerPage, "meeting-follower");
    await room.end();
    await expect.poll(() => follower.currentSection(), { timeout: 10_000 }).toBeNull();
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("records the meeting, submits for review and publishes from the review panel", async () => {
    const problems = watchConsole(facilitator);
    await facilitator.goto(`${server.url}/incidents/${key}/postmortem`);
    const panel = new ReviewPanel(facilitator);
    await panel.region().waitFor();
    expect(await panel.status()).toBe("Draft");

    await panel.recordHeld();
    await panel.submitForReview();
    expect(await panel.status()).toBe("In review");

    // No action items: the server refuses and says so; a reason for none lets it through.
    await panel.publish();
    await expect.poll(async () => (await panel.alert().textContent()) ?? "").toContain("Action items:");
    await panel.explainNoActionItems("The fix was the rollback; a config check is tracked elsewhere.");
    await checkPage(facilitator, "review-panel");
    await panel.publish();
    await expect.poll(() => panel.status()).toBe("Published");
    expect(await panel.region().getByRole("button").count()).toBe(0);

    const stored = await facilitator.request.get(`${server.url}/api/v1/incidents/${key}/postmortem`);
    expect(((await stored.json()) as { status: string }).status).toBe("published");
    expect(problems.problems).toEqual([]);
  }, 120_000);
});
