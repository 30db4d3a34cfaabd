import type { Locator, Page } from "playwright-core";

/** /incidents/:key/meeting: the agenda, the room's current section and its clock, notes, attendees. */
export class MeetingPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: /^Review meeting/ });
  readonly agenda = () => this.page.getByRole("list", { name: "Agenda" });
  /** The heading of the section shown (the room's while the meeting runs). */
  readonly sectionHeading = (title: string) => this.page.getByRole("heading", { level: 2, name: title });
  readonly timer = () => this.page.getByRole("timer");
  readonly notes = (sectionTitle: string) =>
    this.page.getByRole("textbox", { name: `Notes on ${sectionTitle}` });
  readonly attendees = () => this.page.getByRole("list", { name: "Attendees" });

  async open(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents/${key}/meeting`);
    await this.heading().waitFor();
    await this.agenda().waitFor();
  }

  /** The agenda section the room is on (`aria-current="step"`), or null when the meeting is not running. */
  async currentSection(): Promise<string | null> {
    for (const item of await this.agenda().getByRole("listitem").all()) {
      if ((await item.getAttribute("aria-current")) === "step") return item.textContent();
    }
    return null;
  }

  async start(): Promise<void> {
    await this.page.getByRole("button", { name: "Start meeting" }).click();
    await this.page.getByRole("button", { name: "End meeting" }).waitFor();
  }

  async next(): Promise<void> {
    await this.page.getByRole("button", { name: "Next section" }).click();
  }

  async previous(): Promise<void> {
    await this.page.getByRole("button", { name: "Previous section" }).click();
  }

  /** Moves the room straight to a section from the agenda (an editor, while the meeting runs). */
  async goTo(sectionTitle: string): Promise<void> {
    await this.agenda()
      .getByRole("button", { name: `Move the room to ${sectionTitle}` })
      .click();
  }

  async end(): Promise<void> {
    await this.page.getByRole("button", { name: "End meeting" }).click();
    await this.page.getByRole("button", { name: "Start meeting" }).waitFor();
  }

  async addAttendee(name: string, email?: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Add an attendee" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    if (email) await form.getByRole("textbox", { name: "Email (optional)" }).fill(email);
    await form.getByRole("button", { name: "Add attendee" }).click();
    await this.attendees().getByText(name).waitFor();
  }

  async writeNotes(sectionTitle: string, text: string): Promise<void> {
    await this.notes(sectionTitle).fill(text);
  }

  async waitUntilNotesSaved(): Promise<void> {
    await this.page.getByRole("status").getByText("Saved", { exact: true }).waitFor();
  }
}

/** The review panel on the post-mortem page: status, meeting, submit for review, publish. */
export class ReviewPanel {
  constructor(readonly page: Page) {}

  readonly region = () => this.page.getByRole("region", { name: "Review" });
  readonly alert = () => this.region().getByRole("alert");

  /** The status step marked current: Draft, In review, Published or Closed. */
  async status(): Promise<string | null> {
    const steps = this.region().getByRole("list", { name: "Review status" }).getByRole("listitem");
    for (const step of await steps.all()) {
      if ((await step.getAttribute("aria-current")) === "step") return step.textContent();
    }
    return null;
  }

  async recordHeld(): Promise<void> {
    await this.region().getByRole("button", { name: "Record meeting held" }).click();
    await this.region().getByRole("button", { name: "Save as held" }).click();
    await this.region().getByText("The meeting is recorded as held.").waitFor();
  }

  async submitForReview(): Promise<void> {
    await this.region().getByRole("button", { name: "Submit for review" }).click();
    await this.region().getByText("Submitted for review.").waitFor();
  }

  async publish(): Promise<void> {
    await this.region()
      .getByRole("button", { name: /^Publish/ })
      .click();
  }

  async explainNoActionItems(reason: string): Promise<void> {
    await this.region().getByRole("textbox", { name: "Why no action items are needed" }).fill(reason);
  }

  /** The link a user follows to switch to the meeting page. */
  meetingModeLink(): Locator {
    return this.page.getByRole("link", { name: "Meeting mode" });
  }
}
