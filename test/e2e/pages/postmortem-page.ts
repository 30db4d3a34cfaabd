import type { Locator, Page } from "playwright-core";

const ADD_BUTTONS = {
  "Contributing factor": "Add a contributing factor",
  "Went well": "Add something that went well",
  "To improve": "Add something to improve",
} as const;

/** /incidents/:key/postmortem: the sections, autosave, lint findings, conflicts, exports, checklist. */
export class PostmortemPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: /^Post-mortem/ });
  readonly status = () => this.page.getByRole("status").filter({ hasText: /\S/ });
  readonly findings = () => this.page.getByRole("region", { name: "Findings" });
  /** A text section ("Root cause") or, while it is in conflict, nothing: see `yourVersion`. */
  readonly section = (label: string) => this.page.getByRole("textbox", { name: label, exact: true });
  readonly listItem = (itemLabel: string, n: number) =>
    this.page.getByRole("textbox", { name: `${itemLabel} ${n}`, exact: true });
  readonly conflict = (label: string) =>
    this.page.getByRole("region", { name: `${label}: someone else changed it too` });
  readonly yourVersion = (label: string) =>
    this.page.getByRole("textbox", { name: `Your version of ${label}` });
  readonly theirVersion = (label: string) =>
    this.page.getByRole("textbox", { name: `Their version of ${label}` });
  readonly exportLink = (format: "Markdown" | "JSON" | "HTML") =>
    this.page.getByRole("link", { name: `Download ${format}` });
  readonly checklistItem = (label: string) =>
    this.page.getByRole("checkbox", { name: new RegExp(`^${label}`) });

  readonly inlineFindings = (section: string) =>
    this.page.getByRole("list", { name: `Findings in ${section}` });

  async open(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents/${key}/postmortem`);
    await this.heading().waitFor();
    await this.page.getByRole("form", { name: "Post-mortem sections" }).waitFor();
  }

  /** Replaces a text section's text, as typing would. */
  async write(label: string, text: string): Promise<void> {
    await this.section(label).fill(text);
  }

  /** Adds items to a list: its Add button for the first, then Enter after each one. */
  async addItems(itemLabel: keyof typeof ADD_BUTTONS, items: string[]): Promise<void> {
    const existing = await this.page
      .getByRole("textbox", { name: new RegExp(`^${itemLabel} \\d+$`) })
      .count();
    await this.page.getByRole("button", { name: ADD_BUTTONS[itemLabel] }).click();
    for (const [i, item] of items.entries()) {
      const field = this.listItem(itemLabel, existing + i + 1);
      await field.fill(item);
      if (i < items.length - 1) await field.press("Enter");
    }
  }

  /** Waits for the status line to say "Saved" (the autosave after typing stopped). */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByRole("status").getByText("Saved", { exact: true }).waitFor();
  }

  /** The findings of one section in the findings panel, e.g. "Root cause". */
  findingsIn(section: string): Locator {
    return this.findings().getByRole("region", { name: section }).getByRole("listitem");
  }

  finding(text: string | RegExp): Locator {
    return this.findings().getByRole("listitem").filter({ hasText: text });
  }

  async goTo(finding: Locator): Promise<void> {
    await finding.getByRole("button", { name: /^Go to/ }).click();
  }

  /** Ticks a checklist item and waits until the server has recorded who ticked it. */
  async tick(label: string): Promise<void> {
    const box = this.checklistItem(label);
    await box.check();
    await this.page.getByRole("checkbox", { name: new RegExp(`^${label}.*UTC`), disabled: false }).waitFor();
  }

  async showPreview(): Promise<void> {
    await this.page.getByRole("button", { name: "Show preview" }).click();
  }

  async choose(label: string, choice: "Keep mine" | "Use theirs" | "Merge both"): Promise<void> {
    await this.page.getByRole("button", { name: `${choice} for ${label}` }).click();
  }
}
