import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { AccountPage } from "./pages/account.page.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer } from "./server.ts";

describeBrowser("account: a viewer's own page and API tokens, at 360 px", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let page: Page;
  let console_: { problems: string[] };
  let viewer: { email: string; password: string };

  const me = (token: string) =>
    fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    viewer = await server.createUser("viewer", "Val Viewer");
    page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    console_ = watchConsole(page);
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(viewer.email, viewer.password);
    await new IncidentsPage(page, server.url).heading().waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a viewer opens their account from the header, creates a token that works, and revokes it", async () => {
    const account = new AccountPage(page, server.url);
    await account.openFromHeader("Val Viewer (viewer)");
    expect(new URL(page.url()).pathname).toBe("/account");
    await account.whoYouAre().getByText(viewer.email).waitFor();
    await account.whoYouAre().getByText("Viewer", { exact: true }).waitFor();
    await page.getByText("You have no API tokens.").waitFor();

    const secret = await account.createToken("my script", "In 30 days");
    expect(secret).toMatch(/^hst_/);
    expect(await page.getByText(secret).count()).toBe(0);
    await account.row("my script").waitFor();
    await checkPage(page, "account");

    const signedIn = await me(secret);
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { email: string; role: string }).role).toBe("viewer");

    await account.revokeToken("my script");
    await account.row("my script").getByText("Revoked").waitFor();
    expect(await account.revokeButton("my script").count()).toBe(0);
    // The Revoke button is gone: the keyboard is at the tokens heading, not lost at the page's top.
    await expect.poll(() => page.evaluate("document.activeElement?.textContent")).toBe("Your API tokens");
    expect((await me(secret)).status).toBe(401);

    // After a reload the secret is nowhere: only its prefix is listed.
    await page.reload();
    await account.row("my script").waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    expect(console_.problems).toEqual([]);
  }, 120_000);

  it("a viewer changes their password: a wrong current one is named, the new one signs in", async () => {
    const account = new AccountPage(page, server.url);
    await account.open();
    await account.changePassword("not the password", "a new passphrase for val");
    await page.getByText("Is not your current password.").waitFor();

    await account.changePassword(viewer.password, "a new passphrase for val");
    await page.getByRole("status").getByText("Password changed").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    const signIn = new SignInPage(page, server.url);
    await signIn.heading().waitFor();
    await signIn.signIn(viewer.email, "a new passphrase for val");
    await new IncidentsPage(page, server.url).heading().waitFor();
    expect(console_.problems).toEqual([]);
  }, 120_000);
});
