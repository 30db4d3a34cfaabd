import type { Page } from "playwright-core";

export type ExternalFieldLabel = "Title" | "Summary" | "Impact" | "Duration" | "What we are changing";

/** /incidents/:key/external: the customer-facing texts, their redaction flags, approval and publishing. */
export class ExternalPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: /^Customer-facing version/ });
  readonly field = (label: ExternalFieldLabel) => this.page.getByLabel(label, { exact: true });
  readonly flags = (label: ExternalFieldLabel) =>
    this.page.getByRole("list", { name: `Flags in ${label}` }).getByRole("listitem");
  readonly flag = (match: string) => this.page.getByRole("listitem").filter({ hasText: `“${match}”` });
  readonly status = () => this.page.getByRole("region", { name: "Status" });
  readonly refusal = () => this.status().getByRole("alert");
  readonly publicLink = () => this.status().getByRole("link", { name: /\/status\/postmortems\// });
  readonly preview = () => this.page.getByRole("region", { name: "Preview: what customers will see" });

  async open(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents/${key}/external`);
    await this.heading().waitFor();
    await this.page
      .getByText(/short account of this incident|^Status$/)
      .first()
      .waitFor();
  }

  /** "Write a customer-facing version", then waits for the texts. */
  async start(): Promise<void> {
    await this.page.getByRole("button", { name: "Write a customer-facing version" }).click();
    await this.field("Title").waitFor();
  }

  async write(texts: Partial<Record<ExternalFieldLabel, string>>): Promise<void> {
    for (const [label, text] of Object.entries(texts))
      await this.field(label as ExternalFieldLabel).fill(text);
  }

  /** Save, and wait until the server has the text (and has checked it again). */
  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
    await this.page.getByRole("status").getByText("Saved", { exact: true }).waitFor();
  }

  async show(match: string): Promise<void> {
    await this.page.getByRole("button", { name: `Show “${match}”` }).click();
  }

  async dismiss(match: string, reason: string): Promise<void> {
    await this.page.getByRole("button", { name: `Dismiss “${match}”` }).click();
    await this.page.getByLabel("Why may customers see it?").fill(reason);
    await this.page.getByRole("button", { name: "Dismiss flag" }).click();
    await this.flag(match)
      .getByText(/^Dismissed by/)
      .waitFor();
  }

  async act(action: "Approve" | "Publish" | "Unpublish"): Promise<void> {
    await this.status().getByRole("button", { name: action, exact: true }).click();
  }

  /** Waits for the status badge to read `label` ("Approved", "Published"). */
  async waitForStatus(label: string): Promise<void> {
    await this.status().getByText(label, { exact: true }).first().waitFor();
  }
}
