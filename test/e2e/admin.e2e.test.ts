import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { AccountPage } from "./pages/account.page.ts";
import { AdminPage } from "./pages/admin.page.ts";
import { IncidentsPage } from "./pages/incidents.page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer } from "./server.ts";

describeBrowser("admin: users, roles and their API tokens in a browser, at 360 px", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let page: Page;
  let console_: { problems: string[] };

  async function signIn(target: Page, email: string, password: string): Promise<void> {
    const signInPage = new SignInPage(target, server.url);
    await signInPage.open();
    await signInPage.signIn(email, password);
    await new IncidentsPage(target, server.url).heading().waitFor();
  }

  async function me(token: string): Promise<Response> {
    return fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    console_ = watchConsole(page);
    await signIn(page, server.admin.email, server.admin.password);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("adds an editor whose generated password is shown once and works, and keeps the last admin", async () => {
    const admin = new AdminPage(page, server.url);
    await admin.navLink().click();
    await admin.users().waitFor();
    await admin.row(admin.users(), "Ada Admin").waitFor();
    await checkPage(page, "admin");

    // A taken e-mail is refused on its field; what was typed stays.
    await admin.submitNewUser({ name: "Eve Editor", email: server.admin.email, role: "editor" });
    await admin.addUserDialog().getByText("Is already taken.").waitFor();
    expect(await admin.addUserDialog().getByLabel("Name").inputValue()).toBe("Eve Editor");

    await admin.submitNewUser({ name: "Eve Editor", email: "eve@example.com", role: "editor" });
    await admin.passwordDialog().waitFor();
    const password = await admin.generatedPassword();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await checkPage(page, "admin-new-user-password");
    await admin.done(admin.passwordDialog());
    expect(await page.getByText(password).count()).toBe(0);
    expect(await admin.roleOf("Eve Editor").inputValue()).toBe("editor");

    const evePage = await browser.newPage({ width: 360, height: 780 });
    await signIn(evePage, "eve@example.com", password);
    expect(await evePage.getByRole("button", { name: "Declare incident" }).count()).toBe(1);

    // The server refuses to demote the only admin and says why.
    await admin.changeRole("Ada Admin", "viewer");
    await admin
      .row(admin.users(), "Ada Admin")
      .getByRole("alert")
      .getByText("the last admin cannot be demoted")
      .waitFor();
    await admin.row(admin.users(), "Ada Admin").getByRole("button", { name: "Cancel" }).click();
    expect(await admin.roleOf("Ada Admin").inputValue()).toBe("admin");

    expect(console_.problems).toEqual([]);
  }, 120_000);

  it("lists another user's API tokens and revokes one, which then stops working", async () => {
    const tara = await server.createUser("editor", "Tara Token");
    const taraPage = await browser.newPage({ width: 360, height: 780 });
    await signIn(taraPage, tara.email, tara.password);
    const taraAccount = new AccountPage(taraPage, server.url);
    await taraAccount.open();
    const secret = await taraAccount.createToken("tara laptop");
    expect((await me(secret)).status).toBe(200);

    const admin = new AdminPage(page, server.url);
    await admin.open();
    await admin.accountLink().waitFor();
    await admin.showTokens("Tara Token");
    const row = admin.row(admin.tokensOf("Tara Token"), "tara laptop");
    await row.waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await checkPage(page, "admin-user-tokens");

    await admin.revokeToken("tara laptop");
    await row.getByText("Revoked").waitFor();
    expect(await admin.revokeButton("tara laptop").count()).toBe(0);
    expect((await me(secret)).status).toBe(401);

    // Tara sees it revoked on her own page too.
    await taraAccount.open();
    await taraAccount.row("tara laptop").getByText("Revoked").waitFor();
    expect(console_.problems).toEqual([]);
  }, 120_000);

  it("tells a viewer who opens /admin that it needs the admin role", async () => {
    const viewer = await server.createUser("viewer", "Val Viewer");
    const viewerPage = await browser.newPage({ width: 360, height: 780 });
    await signIn(viewerPage, viewer.email, viewer.password);
    const admin = new AdminPage(viewerPage, server.url);
    expect(await admin.navLink().count()).toBe(0);
    await admin.open();
    await admin.deniedMessage().waitFor();
    expect(await admin.users().count()).toBe(0);
    await checkPage(viewerPage, "admin-denied");
  }, 120_000);
});
