import type { Locator, Page } from "playwright-core";

// The root tsconfig has no DOM lib: the little of an element that `marks` reads.
interface MarkHost {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}

/** /library: the search box, its filters, the ranked results and "Load more". */
export class LibraryPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { name: "Library", level: 1 });
  readonly searchBox = () => this.page.getByRole("searchbox", { name: "Search post-mortems" });
  /** "3 results" or "2 published post-mortems, newest first". */
  readonly count = () => this.page.getByRole("status").filter({ hasText: /results?|post-mortems?,/ });
  readonly results = () => this.page.getByRole("list", { name: "Post-mortems" });
  readonly resultLink = (title: string) => this.results().getByRole("link", { name: title, exact: true });
  readonly result = (title: string): Locator =>
    this.results()
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  /** The highlighted (<mark>) words of one result; Playwright has no role for <mark>. */
  readonly marks = (title: string): Promise<(string | null)[]> =>
    this.result(title).evaluate((item: MarkHost) =>
      Array.from(item.getElementsByTagName("mark"), (mark) => mark.textContent),
    );

  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/library${query}`);
    await this.heading().waitFor();
    await this.count().waitFor();
  }

  /** Types the words and presses Enter, then waits for the new count. */
  async search(words: string): Promise<void> {
    await this.searchBox().fill(words);
    await this.searchBox().press("Enter");
    await this.page.waitForURL((url) => url.searchParams.get("q") === words);
    await this.count().waitFor();
  }

  async filter(label: "Severity" | "Post-mortem status", option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
    await this.count().waitFor();
  }

  async titles(): Promise<string[]> {
    return this.results().getByRole("heading", { level: 2 }).allTextContents();
  }

  async openResult(title: string): Promise<void> {
    await this.resultLink(title).click();
  }
}
