import type { Locator, Page } from "playwright-core";

export interface NewActionItemFields {
  title: string;
  owner?: string;
  dueDate?: string;
  type?: "Prevent" | "Detect" | "Mitigate" | "Process";
  priority?: "High" | "Medium" | "Low";
  link?: string;
}

export interface ActionItemEdits {
  owner?: string;
  dueDate?: string;
  status?: "Open" | "In progress" | "Done" | "Won't do";
  reason?: string;
}

/** One item's row, its buttons and its inline editor, wherever action items are listed. */
abstract class ActionItemRows {
  constructor(readonly page: Page) {}

  /** Where the rows are: the whole page, or one section of it. */
  protected abstract root(): Page | Locator;

  /** The row whose title is `title` (also matches while it is being edited). */
  item(title: string): Locator {
    return this.root().getByRole("listitem").filter({ hasText: title });
  }

  editor(title: string): Locator {
    return this.root().getByRole("form", { name: `Edit ${title}` });
  }

  async markDone(title: string): Promise<void> {
    await this.root()
      .getByRole("button", { name: `Mark done: ${title}` })
      .click();
    await this.item(title).getByText("Completed").waitFor();
  }

  /** Opens the inline editor and changes the fields given; `save: false` leaves it open, unsaved. */
  async edit(title: string, edits: ActionItemEdits, save = true): Promise<void> {
    const editor = this.editor(title);
    if (!(await editor.isVisible()))
      await this.root()
        .getByRole("button", { name: `Edit: ${title}` })
        .click();
    if (edits.owner !== undefined) await editor.getByLabel("Owner").fill(edits.owner);
    if (edits.dueDate !== undefined) await editor.getByLabel("Due date").fill(edits.dueDate);
    if (edits.status !== undefined) await editor.getByLabel("Status").selectOption({ label: edits.status });
    if (edits.reason !== undefined) await editor.getByLabel("Reason").fill(edits.reason);
    if (save) await this.save(title);
  }

  async save(title: string): Promise<void> {
    await this.editor(title).getByRole("button", { name: "Save" }).click();
  }

  /** After a 412: the "Their version" line shown in the editor. */
  theirVersion(title: string): Locator {
    return this.editor(title).getByText(/^Their version: /);
  }
}

/** /action-items: the board with its views (Mine, Overdue, All, By team), status filter, order and paging. */
export class ActionItemsBoard extends ActionItemRows {
  constructor(
    page: Page,
    private readonly baseUrl: string,
  ) {
    super(page);
  }

  protected root(): Page {
    return this.page;
  }

  readonly heading = () => this.page.getByRole("heading", { name: "Action items", level: 1 });
  readonly empty = () => this.page.getByText(/^(No|Nothing) .*\.$/);

  /** Opens the board, e.g. `open("?view=overdue")`, and waits until its list (or empty text) shows. */
  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/action-items${query}`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.heading().waitFor();
    await this.page.getByText("Loading action items…").waitFor({ state: "detached" });
  }

  async view(name: "Mine" | "Overdue" | "All" | "By team"): Promise<void> {
    await this.page.getByRole("navigation", { name: "Views" }).getByRole("link", { name }).click();
    await this.page.waitForURL(new RegExp(`view=${name === "By team" ? "team" : name.toLowerCase()}`));
    if (name === "By team") await this.page.getByText("Loading teams…").waitFor({ state: "detached" });
    else await this.waitUntilLoaded();
  }

  /** "By team": the table of each team's counts. */
  readonly teams = () => this.page.getByRole("table", { name: "Action items by team" });

  /** "By team": the counts of `service` as the table shows them. */
  async teamCounts(service: string): Promise<{ open: number; overdue: number; done: number }> {
    const row = this.teams()
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: service, exact: true }) });
    const [open, overdue, done] = (await row.getByRole("cell").allTextContents()).map(Number);
    return { open: open!, overdue: overdue!, done: done! };
  }

  /** "By team": opens one team's items. */
  async openTeam(service: string): Promise<void> {
    await this.teams().getByRole("link", { name: service, exact: true }).click();
    await this.page.getByRole("link", { name: "All teams" }).waitFor();
    await this.waitUntilLoaded();
  }

  async allTeams(): Promise<void> {
    await this.page.getByRole("link", { name: "All teams" }).click();
    await this.teams().waitFor();
  }

  async filterStatus(label: string): Promise<void> {
    await this.page
      .getByRole("form", { name: "Filter action items" })
      .getByLabel("Status")
      .selectOption({ label });
  }

  incidentLink(title: string): Locator {
    return this.item(title).getByRole("link", { name: /^INC-\d+$/ });
  }
}

/** The "Action items" section of a post-mortem page: its list and the "Add action item" form. */
export class PostmortemActionItems extends ActionItemRows {
  readonly section = () => this.page.getByRole("region", { name: "Action items" });
  readonly addForm = () => this.page.getByRole("form", { name: "Add action item" });

  protected root(): Locator {
    return this.section();
  }

  async add(fields: NewActionItemFields): Promise<void> {
    if (!(await this.addForm().isVisible())) {
      await this.section().getByRole("button", { name: "Add action item" }).click();
    }
    const form = this.addForm();
    await form.getByLabel("Title").fill(fields.title);
    if (fields.owner) await form.getByLabel("Owner").fill(fields.owner);
    if (fields.dueDate) await form.getByLabel("Due date").fill(fields.dueDate);
    if (fields.type) await form.getByLabel("Type").selectOption({ label: fields.type });
    if (fields.priority) await form.getByLabel("Priority").selectOption({ label: fields.priority });
    if (fields.link) await form.getByLabel("Link").fill(fields.link);
    await form.getByRole("button", { name: "Add" }).click();
    await form.getByRole("status").getByText(`Added: ${fields.title}`).waitFor();
  }
}
