import type { Page } from "playwright-core";
import type { Severity } from "../../../src/incidents/incident.ts";

/** /incidents: the list, its filters and the "Declare incident" dialog. */
export class IncidentsPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Incidents", level: 1 });
  readonly declareButton = () => this.page.getByRole("button", { name: "Declare incident" });
  readonly list = () => this.page.getByRole("list", { name: "Incidents" });
  readonly incidentLink = (title: string) => this.page.getByRole("link", { name: title });

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents`);
    await this.heading().waitFor();
  }

  async filter(label: "Status" | "Severity", option: string): Promise<void> {
    await this.page.getByLabel(label).selectOption({ label: option });
  }

  readonly declareDialog = () => this.page.getByRole("dialog", { name: "Declare incident" });

  async openDeclareDialog(): Promise<void> {
    await this.declareButton().click();
    await this.declareDialog().getByLabel("Title").waitFor();
  }

  /** Declares through the dialog (opening it if needed) and waits for the new incident's page; returns its key. */
  async declare(input: { title: string; severity: Severity; startedAt?: string }): Promise<string> {
    if (!(await this.declareDialog().isVisible())) await this.openDeclareDialog();
    const dialog = this.declareDialog();
    await dialog.getByLabel("Title").fill(input.title);
    await dialog.getByLabel("Severity").selectOption(input.severity);
    if (input.startedAt) await dialog.getByLabel("Started at (UTC)").fill(input.startedAt);
    await dialog.getByRole("button", { name: "Declare" }).click();
    await this.page.waitForURL(/\/incidents\/INC-\d+$/);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
