import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { PostmortemPage } from "./pages/postmortem-page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer, type SeededUser } from "./server.ts";

const BLAME = "John was careless and pushed the bad config.";
const REWORDED =
  "A config change with an invalid pool size reached production: nothing checked it before rollout.";

/** The focused field's label and the text selected in it. */
const FOCUSED_SELECTION = `(() => {
  const el = document.activeElement;
  return (el.labels?.[0]?.textContent ?? "") + "|" + el.value.slice(el.selectionStart, el.selectionEnd);
})()`;

describeBrowser("the post-mortem editor in a browser", () => {
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

  async function signedIn(user: SeededUser, width: number): Promise<Page> {
    const page = await browser.newPage({ width, height: 900 });
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(user.email, user.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    return page;
  }

  it("saves as you type, flags blame until it is reworded, jumps to it, and exports", async () => {
    const page = await signedIn(server.admin, 360);
    const problems = watchConsole(page);
    key = await new IncidentsPage(page, server.url).declare({
      title: "Checkout API returns 502s",
      severity: "P1",
    });
    const editor = new PostmortemPage(page, server.url);
    await editor.open(key);

    await editor.write("Root cause", BLAME);
    await editor.waitUntilSaved();
    const blame = editor.finding(/careless/);
    await blame.waitFor();
    expect(await editor.findingsIn("Root cause").filter({ hasText: "careless" }).count()).toBe(1);
    expect(await blame.textContent()).toMatch(/Suggestion:/);
    // At 360 px the findings panel is below every field, so the section's findings also sit under it.
    expect(await editor.inlineFindings("Root cause").textContent()).toContain("careless");

    // "Go to" puts the cursor in Root cause with the offending line selected.
    await editor.goTo(blame);
    await expect.poll(() => page.evaluate(FOCUSED_SELECTION)).toBe(`Root cause|${BLAME}`);

    await editor.addItems("Contributing factor", ["No canary stage for config", "Pool size not validated"]);
    await editor.waitUntilSaved();
    await editor.tick("The timeline is written up");
    await editor.showPreview();
    await page.getByRole("heading", { level: 2, name: "Contributing factors" }).waitFor();
    await checkPage(page, "postmortem");

    await editor.write("Root cause", REWORDED);
    await editor.waitUntilSaved();
    await expect.poll(() => editor.finding(/careless/).count(), { timeout: 10_000 }).toBe(0);

    // The export links download the saved document.
    const markdown = await page.request.get(
      new URL((await editor.exportLink("Markdown").getAttribute("href")) ?? "", server.url).href,
    );
    expect(markdown.headers()["content-disposition"]).toContain(`${key}.md`);
    const body = await markdown.text();
    expect(body).toContain(REWORDED);
    expect(body).toContain("- Pool size not validated");
    expect(await editor.exportLink("HTML").getAttribute("download")).not.toBeNull();

    // Reloading before the autosave fires keeps the text (the tab's backup) and saves it afterwards.
    const summary = "Checkout failed for about 30% of EU customers for 68 minutes.";
    await editor.write("Summary", summary);
    await page.reload();
    await editor.heading().waitFor();
    expect(await editor.section("Summary").inputValue()).toBe(summary);
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`${server.url}/api/v1/incidents/${key}/postmortem`)).json()).summary,
      )
      .toBe(summary);
    expect(await editor.section("Root cause").inputValue()).toBe(REWORDED);
    expect(await editor.listItem("Contributing factor", 2).inputValue()).toBe("Pool size not validated");
    expect(await editor.checklistItem("The timeline is written up").isChecked()).toBe(true);
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("shows a viewer the post-mortem read-only", async () => {
    const viewer = await server.createUser("viewer", "Val Viewer");
    const page = await signedIn(viewer, 360);
    const editor = new PostmortemPage(page, server.url);
    await editor.open(key);
    expect(await editor.status().textContent()).toMatch(/^Read only/);
    expect(await editor.section("Root cause").inputValue()).toBe(REWORDED);
    expect(await editor.section("Root cause").getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: /^(Add|Remove)/ }).count()).toBe(0);
    expect(await editor.checklistItem("The timeline is written up").isDisabled()).toBe(true);
    await editor.exportLink("JSON").waitFor();
    await checkPage(page, "postmortem-viewer");
  }, 60_000);

  it("shows their version beside yours when two people edit the same section, and keeps both", async () => {
    const editorUser = await server.createUser("editor", "Eve Editor");
    const pageA = await signedIn(server.admin, 1280);
    const pageB = await signedIn(editorUser, 1280);
    const problems = watchConsole(pageB);
    const alice = new PostmortemPage(pageA, server.url);
    const eve = new PostmortemPage(pageB, server.url);
    await alice.open(key);
    await eve.open(key);

    const theirs = "The 5xx alert paged the on-call engineer seven minutes after the deploy.";
    const mine = "A customer support ticket arrived before the alert fired.";
    await alice.write("Detection", theirs);
    await alice.write("Resolution", "Rolled back the config change.");
    await alice.waitUntilSaved();

    // Eve still has the version from before Alice's save: her save meets a 412.
    await eve.write("Detection", mine);
    await eve.conflict("Detection").waitFor();
    expect(await eve.yourVersion("Detection").inputValue()).toBe(mine);
    expect(await eve.theirVersion("Detection").inputValue()).toBe(theirs);
    expect(await eve.status().textContent()).toMatch(/^Not saved/);
    // A section only Alice changed simply takes her text.
    expect(await eve.section("Resolution").inputValue()).toBe("Rolled back the config change.");
    await checkPage(pageB, "postmortem-conflict");

    await eve.choose("Detection", "Merge both");
    expect(await eve.yourVersion("Detection").inputValue()).toBe(`${theirs}\n\n${mine}`);
    await eve.yourVersion("Detection").press("End");
    await eve.yourVersion("Detection").pressSequentially(" Both helped.");
    await eve.choose("Detection", "Keep mine");
    await eve.waitUntilSaved();
    expect(await eve.conflict("Detection").count()).toBe(0);
    expect(await eve.section("Detection").inputValue()).toBe(`${theirs}\n\n${mine} Both helped.`);

    await pageA.reload();
    await alice.heading().waitFor();
    await expect
      .poll(() => alice.section("Detection").inputValue())
      .toBe(`${theirs}\n\n${mine} Both helped.`);
    expect(problems.problems).toEqual([]);
  }, 120_000);
});
