import type { Page } from "playwright-core";

/** /sign-in: e-mail, password, and the announced error. */
export class SignInPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Sign in to Hindsight" });
  readonly error = () => this.page.getByRole("alert");

  async open(path = "/sign-in"): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.heading().waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
