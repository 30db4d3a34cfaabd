import type { Locator, Page } from "playwright-core";
import type { Role } from "../../../src/users/user.ts";

/** /admin: users, their roles and API tokens, and "Add user" (your own tokens are on /account). */
export class AdminPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Admin", level: 1 });
  readonly navLink = () =>
    this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" });
  readonly deniedMessage = () => this.page.getByText("You need the admin role");
  readonly users = () => this.page.getByRole("list", { name: "Users" });
  /** A user's tokens, listed once "Tokens" on their row is pressed (see `showTokens`). */
  readonly tokensOf = (name: string) => this.page.getByRole("list", { name: `API tokens of ${name}` });
  readonly accountLink = () => this.page.getByRole("main").getByRole("link", { name: "your account page" });
  readonly addUserDialog = () => this.page.getByRole("dialog", { name: "Add user" });
  readonly passwordDialog = () => this.page.getByRole("dialog", { name: "Password for the new user" });
  readonly roleOf = (name: string) => this.page.getByRole("combobox", { name: `Role of ${name}` });
  readonly revokeButton = (tokenName: string) =>
    this.page.getByRole("button", { name: `Revoke ${tokenName}` });

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin`);
    await this.heading().waitFor();
  }

  /** The row of the user or token showing `text` in `list`. */
  row(list: Locator, text: string): Locator {
    return list.getByRole("listitem").filter({ hasText: text });
  }

  /** Fills "Add user" and submits; the dialog stays open when the server refuses (see `addUserDialog`). */
  async submitNewUser(input: { name: string; email: string; role: Role; password?: string }): Promise<void> {
    if (!(await this.addUserDialog().isVisible())) {
      await this.page.getByRole("button", { name: "Add user" }).click();
    }
    const dialog = this.addUserDialog();
    await dialog.getByLabel("Name").fill(input.name);
    await dialog.getByLabel("Email").fill(input.email);
    await dialog.getByLabel("Role").selectOption(input.role);
    await dialog.getByLabel("Password").fill(input.password ?? "");
    await dialog.getByRole("button", { name: "Add user" }).click();
  }

  /** The password shown once after adding a user without one. */
  async generatedPassword(): Promise<string> {
    return this.passwordDialog().getByLabel("Password").inputValue();
  }

  async changeRole(name: string, role: Role): Promise<void> {
    await this.roleOf(name).selectOption(role);
    await this.row(this.users(), name).getByRole("button", { name: "Save role" }).click();
  }

  /** Presses "Tokens" on the user's row and waits for their list (or "… has no API tokens."). */
  async showTokens(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Tokens of ${name}` }).click();
    await this.tokensOf(name)
      .or(this.page.getByText(`${name} has no API tokens.`))
      .waitFor();
  }

  /** "Done" in whichever shown-once dialog is open. */
  async done(dialog: Locator): Promise<void> {
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  async revokeToken(name: string): Promise<void> {
    await this.revokeButton(name).click();
    const confirm = this.page.getByRole("dialog", { name: "Revoke token?" });
    await confirm.getByRole("button", { name: "Revoke token" }).click();
    await confirm.waitFor({ state: "hidden" });
  }
}
