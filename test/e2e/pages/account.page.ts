import type { Locator, Page } from "playwright-core";

/** /account: who you are and your own API tokens (create one, shown once; revoke one). */
export class AccountPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Your account", level: 1 });
  /** The signed-in user's name in the header ("Val Viewer (viewer)"), a link to this page. */
  readonly headerLink = (name: string) => this.page.getByRole("banner").getByRole("link", { name });
  readonly whoYouAre = () => this.page.getByRole("region", { name: "Who you are" });
  readonly tokens = () => this.page.getByRole("list", { name: "API tokens" });
  readonly tokenDialog = () => this.page.getByRole("dialog", { name: "Your new API token" });
  readonly tokensHeading = () => this.page.getByRole("heading", { name: "Your API tokens" });
  readonly revokeButton = (tokenName: string) =>
    this.page.getByRole("button", { name: `Revoke ${tokenName}` });

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/account`);
    await this.heading().waitFor();
  }

  /** Follows the user's name in the header. */
  async openFromHeader(name: string): Promise<void> {
    await this.headerLink(name).click();
    await this.heading().waitFor();
  }

  /** The token's row in the list. */
  row(tokenName: string): Locator {
    return this.tokens().getByRole("listitem").filter({ hasText: tokenName });
  }

  /** Creates a token and returns its secret from the dialog, then closes it with Done. */
  async createToken(name: string, expires = "Never"): Promise<string> {
    await this.page.getByLabel("Token name").fill(name);
    await this.page.getByLabel("Expires").selectOption({ label: expires });
    await this.page.getByRole("button", { name: "Create token" }).click();
    const secret = await this.tokenDialog().getByLabel("Token").inputValue();
    await this.tokenDialog().getByRole("button", { name: "Done" }).click();
    await this.tokenDialog().waitFor({ state: "hidden" });
    return secret;
  }

  /** Fills the password form and submits it. */
  async changePassword(current: string, next: string): Promise<void> {
    const form = this.page.getByRole("region", { name: "Password" });
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("Repeat the new password").fill(next);
    await form.getByRole("button", { name: "Change password" }).click();
  }

  async revokeToken(name: string): Promise<void> {
    await this.revokeButton(name).click();
    const confirm = this.page.getByRole("dialog", { name: "Revoke token?" });
    await confirm.getByRole("button", { name: "Revoke token" }).click();
    await confirm.waitFor({ state: "hidden" });
  }
}
