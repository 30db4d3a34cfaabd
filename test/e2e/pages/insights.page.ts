import type { Locator, Page } from "playwright-core";

/** /insights: the filters, the headline figures, the charts with their tables, the recurring lists. */
export class InsightsPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Insights", level: 1 });
  /** "3 incidents from 1 Dec 2025 to 30 Nov 2026 (UTC)". */
  readonly summary = () => this.page.getByRole("status").filter({ hasText: /incidents? from/ });
  readonly alert = () => this.page.getByRole("alert");
  readonly field = (label: "From" | "To" | "Severity" | "Service" | "Tag") =>
    this.page.getByLabel(label, { exact: true });
  readonly csvLink = () => this.page.getByRole("link", { name: "Download CSV" });
  /** Shown instead of the CSV link while the filters have errors. */
  readonly csvHint = () => this.page.getByText("Correct the filters to download the CSV.");
  readonly chart = (title: string) => this.page.getByRole("figure", { name: title });
  readonly recurring = (title: string) => this.page.getByRole("list", { name: title });
  readonly emptyMessage = () => this.page.getByText(/^No incident started in this period/);

  /** Opens the page (with `query`, e.g. "?severity=P1") and waits for the report or an error. */
  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/insights${query}`);
    await this.heading().waitFor();
    await this.summary().or(this.alert()).first().waitFor();
  }

  /** The value beside `term` in the headline card `card`, e.g. figure("Time to resolve", "Median"). */
  async figure(card: string, term: string): Promise<string | null> {
    const region = this.page.getByRole("region", { name: card, exact: true });
    const terms = await region.getByRole("term").allTextContents();
    const index = terms.indexOf(term);
    if (index < 0) throw new Error(`no "${term}" in ${card}: ${terms.join(", ")}`);
    return region.getByRole("definition").nth(index).textContent();
  }

  /** Picks a severity (applies at once) and waits for the new report. */
  async filterSeverity(option: string): Promise<void> {
    await this.field("Severity").selectOption({ label: option });
    await this.summary().waitFor();
  }

  /** Opens a chart's "Show as table" and returns its rows as cell texts, header first. */
  async table(title: string): Promise<string[][]> {
    const figure: Locator = this.chart(title);
    await figure.getByText("Show as table").click();
    const rows = figure.getByRole("table").getByRole("row");
    await rows.first().waitFor();
    return (await rows.allInnerTexts()).map((row) => row.split("\t").map((cell) => cell.trim()));
  }
}
