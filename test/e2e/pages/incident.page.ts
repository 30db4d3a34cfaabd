import type { Locator, Page } from "playwright-core";

const KIND_SHORTCUTS = ["event", "action", "decision", "observation", "alert", "communication"] as const;

/** /incidents/:key: state, status moves, live capture and the timeline. */
export class IncidentPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly capture = () => this.page.getByRole("textbox", { name: "Add timeline entry" });
  readonly kind = () => this.page.getByRole("combobox", { name: "Kind" });
  readonly timeline = () => this.page.getByRole("list", { name: "Timeline" });
  readonly entries = () => this.timeline().getByRole("listitem");
  readonly state = () => this.page.getByRole("region", { name: "Incident state" });

  async open(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents/${key}`);
    await this.page.getByRole("heading", { level: 1, name: new RegExp(key) }).waitFor();
  }

  /** Waits until the capture box accepts typing (the incident and its timeline have loaded). */
  async waitUntilReady(): Promise<void> {
    await this.page.getByRole("textbox", { name: "Add timeline entry", disabled: false }).waitFor();
  }

  /** The timeline row showing `text`, once the server has saved it (no longer "saving…"). */
  entry(text: string): Locator {
    return this.entries().filter({ hasText: text }).filter({ hasNotText: "saving…" });
  }

  /** Types one line into the capture box, picks the kind with its Alt+digit shortcut, presses Enter. */
  async addEntry(line: string, kind?: (typeof KIND_SHORTCUTS)[number]): Promise<void> {
    const input = this.capture();
    await input.fill(line);
    if (kind) await input.press(`Alt+Digit${KIND_SHORTCUTS.indexOf(kind) + 1}`);
    await input.press("Enter");
  }

  /** Edits an entry in place: its Edit button, new text, Enter. */
  async editEntry(oldText: string, newText: string): Promise<void> {
    await this.page
      .getByRole("button", { name: new RegExp(`^Edit entry at .*: ${escape(oldText)}$`) })
      .click();
    const field = this.page.getByRole("textbox", { name: "Entry text" });
    await field.fill(newText);
    await field.press("Enter");
  }

  async mark(status: "mitigated" | "resolved"): Promise<void> {
    await this.page.getByRole("button", { name: `Mark ${status}` }).click();
  }

  readonly details = () => this.page.getByRole("region", { name: "Details" });
  readonly detailsDialog = () => this.page.getByRole("dialog", { name: "Edit details" });

  async openDetailsEditor(): Promise<void> {
    await this.page.getByRole("button", { name: "Edit details" }).click();
    await this.detailsDialog().waitFor();
  }

  /** Fills the open "Edit details" dialog; times are `YYYY-MM-DD HH:MM` in UTC. */
  async fillDetails(details: {
    impact?: string;
    customerImpact?: boolean;
    services?: string;
    tags?: string;
    detectedAt?: string;
  }): Promise<void> {
    const dialog = this.detailsDialog();
    if (details.impact !== undefined)
      await dialog.getByRole("textbox", { name: "Impact", exact: true }).fill(details.impact);
    if (details.customerImpact !== undefined) {
      await dialog.getByRole("checkbox", { name: "Customer impact" }).setChecked(details.customerImpact);
    }
    if (details.services !== undefined)
      await dialog.getByRole("textbox", { name: "Services", exact: true }).fill(details.services);
    if (details.tags !== undefined)
      await dialog.getByRole("textbox", { name: "Tags", exact: true }).fill(details.tags);
    if (details.detectedAt !== undefined) {
      await dialog.getByRole("textbox", { name: "Detected at (UTC)" }).fill(details.detectedAt);
    }
  }

  /** Saves the dialog and waits until it has closed (the page then shows the saved details). */
  async saveDetails(): Promise<void> {
    await this.detailsDialog().getByRole("button", { name: "Save details" }).click();
    await this.detailsDialog().waitFor({ state: "hidden" });
  }

  /** Deletes an entry from the page: its Delete button, then "Yes, delete" in the question that follows. */
  async deleteEntry(text: string): Promise<void> {
    await this.page
      .getByRole("button", { name: new RegExp(`^Delete entry at .*: ${escape(text)}$`) })
      .click();
    await this.page
      .getByRole("group", { name: "Delete this entry?" })
      .getByRole("button", { name: "Yes, delete" })
      .click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
