import type { Locator, Page } from "playwright-core";

export interface WhyActionItem {
  owner?: string;
  dueDate?: string;
  type?: "Prevent" | "Detect" | "Mitigate" | "Process";
  priority?: "High" | "Medium" | "Low";
}

/** The "Five whys" section of /incidents/:key/postmortem: analyses, answers, branches, action items. */
export class WhysPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly section = () => this.page.getByRole("region", { name: "Five whys" });
  readonly problemStatement = () => this.section().getByRole("textbox", { name: "Problem statement" });
  readonly analysis = (n: number) => this.section().getByRole("list", { name: `Analysis ${n}` });
  /** The answers directly or further below a why, as one list. */
  readonly answersTo = (label: string, text: string) =>
    this.section().getByRole("list", { name: `Answers to ${label}: ${text}`, exact: true });
  readonly button = (name: string) => this.section().getByRole("button", { name, exact: true });
  readonly actionItemLink = (id?: number) =>
    this.section().getByRole("link", {
      name: id === undefined ? /^action item #\d+$/ : `action item #${id}`,
    });

  async open(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents/${key}/postmortem`);
    await this.section().getByRole("heading", { name: "Five whys" }).waitFor();
  }

  /** Starts an analysis: the problem statement, then Enter. */
  async startAnalysis(problem: string): Promise<void> {
    await this.problemStatement().fill(problem);
    await this.problemStatement().press("Enter");
    await this.button(`Ask why: ${problem}`).waitFor();
  }

  /** Answers the why showing `of` from the keyboard: its "Ask why" (or "Add another cause"), text, Enter. */
  async answer(of: string, answer: string): Promise<void> {
    const ask = this.button(`Ask why: ${of}`).or(this.button(`Add another cause: ${of}`));
    await ask.focus();
    await this.page.keyboard.press("Enter");
    const field = this.section().getByRole("textbox", { name: /^Why \d+$/ });
    await field.fill(answer);
    await field.press("Enter");
    await this.button(`Ask why: ${answer}`).waitFor();
  }

  readonly actionItemForm = () => this.section().getByRole("form", { name: /^Action item from Why \d+$/ });

  /** Opens the form that turns the why showing `of` into an action item. */
  async openActionItemForm(of: string): Promise<void> {
    await this.button(`Make an action item: ${of}`).click();
    await this.actionItemForm().getByLabel("Title").waitFor();
  }

  /** Turns the why showing `of` into an action item through its form (opened if needed); returns its id. */
  async makeActionItem(of: string, item: WhyActionItem): Promise<number> {
    if (!(await this.actionItemForm().isVisible())) await this.openActionItemForm(of);
    const form = this.actionItemForm();
    if (item.owner) await form.getByLabel("Owner").fill(item.owner);
    if (item.dueDate) await form.getByLabel("Due date").fill(item.dueDate);
    if (item.type) await form.getByLabel("Type").selectOption({ label: item.type });
    if (item.priority) await form.getByLabel("Priority").selectOption({ label: item.priority });
    await form.getByRole("button", { name: "Create action item" }).click();
    const link = this.whyItem(of).getByRole("link", { name: /^action item #\d+$/ });
    await link.waitFor();
    return Number((await link.textContent())!.replace(/\D/g, ""));
  }

  /** The list item of the why showing `text` (with its answers). */
  whyItem(text: string): Locator {
    return this.section()
      .getByRole("listitem")
      .filter({ has: this.page.getByText(text, { exact: true }) })
      .last();
  }

  /** "Why 2 The pool was exhausted"-style lines of an analysis, in document order. */
  async lines(n: number): Promise<string[]> {
    return this.analysis(n)
      .getByRole("paragraph")
      .filter({ hasText: /^(Problem|Why \d+) / })
      .allTextContents();
  }
}
