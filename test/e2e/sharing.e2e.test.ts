import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, type BrowserPool } from "./browser.ts";
import { checkPage, watchConsole } from "./checks.ts";
import { ExternalPage } from "./pages/external.page.ts";
import { LibraryPage } from "./pages/library.page.ts";
import { PostmortemPage } from "./pages/postmortem-page.ts";
import { SignInPage } from "./pages/sign-in.page.ts";
import { startServer, type RunningServer, type SeededUser } from "./server.ts";

const CHECKOUT = "Checkout failed after the payment deploy";
const SEARCH = "Search slowed down after an index rebuild";
const DRAFT = "Deploy pipeline stuck on a lock";
const SELECTED_TEXT =
  "(() => { const el = document.activeElement; return el.value.slice(el.selectionStart, el.selectionEnd); })()";

interface Seed {
  title: string;
  severity: "P1" | "P2" | "P3";
  startedAt: string;
  services: string[];
  tags: string[];
  rootCause: string;
  publish: boolean;
}

describeBrowser("sharing: the library, similar incidents and the customer-facing version", () => {
  let server: RunningServer;
  let browser: BrowserPool;
  let editor: SeededUser;
  const keys = new Map<string, string>();

  async function signedIn(user: SeededUser): Promise<Page> {
    const page = await browser.newPage({ width: 360, height: 780, timezoneId: "Europe/Berlin" });
    const signIn = new SignInPage(page, server.url);
    await signIn.open();
    await signIn.signIn(user.email, user.password);
    await page.getByRole("heading", { name: "Incidents", level: 1 }).waitFor();
    return page;
  }

  /** The JSON API with the page's session cookie (and the Origin its CSRF check wants). */
  async function call(page: Page, method: string, path: string, data?: unknown, ifMatch?: string) {
    const headers: Record<string, string> = { origin: server.url };
    if (ifMatch) headers["if-match"] = ifMatch;
    const response = await page.request.fetch(`${server.url}${path}`, { method, data, headers });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** A resolved incident with a written post-mortem, published by the admin (override: no meeting). */
  async function seed(page: Page, input: Seed): Promise<string> {
    const resolvedAt = new Date(Date.parse(input.startedAt) + 60 * 60 * 1000)
      .toISOString()
      .replace(/\.\d+Z$/, "Z");
    const incident = await call(page, "POST", "/api/v1/incidents", {
      title: input.title,
      severity: input.severity,
      startedAt: input.startedAt,
      resolvedAt,
      status: "resolved",
      impact: "Customers could not pay by card.",
      customerImpact: true,
      services: input.services,
      tags: input.tags,
    });
    const key = String(incident.key);
    const path = `/api/v1/incidents/${key}/postmortem`;
    const postmortem = await call(page, "GET", path);
    const written = await call(
      page,
      "PATCH",
      path,
      {
        summary: `${input.title}.`,
        rootCause: input.rootCause,
        detection: "The error-rate alert paged on-call after four minutes.",
        resolution: "We rolled the change back.",
      },
      `"${String(postmortem.version)}"`,
    );
    if (input.publish) {
      await call(
        page,
        "POST",
        `${path}/publish`,
        {
          override: { reason: "Reviewed by mail; seeded for this test" },
          noActionItemsReason: "Seeded for this test",
        },
        `"${String(written.version)}"`,
      );
    }
    return key;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    editor = await server.createUser("editor", "Eve Editor");
    const admin = await signedIn(server.admin);
    const seeds: Seed[] = [
      {
        title: CHECKOUT,
        severity: "P1",
        startedAt: "2026-03-18T14:02:00Z",
        services: ["checkout"],
        tags: ["deploy"],
        rootCause: "The payment deploy shipped a connection pool limit of five, so checkout requests queued.",
        publish: true,
      },
      {
        title: SEARCH,
        severity: "P2",
        startedAt: "2026-02-10T09:30:00Z",
        services: ["search"],
        tags: ["index"],
        rootCause: "An index rebuild after the deploy ran on the live cluster and starved queries.",
        publish: true,
      },
      {
        title: DRAFT,
        severity: "P3",
        startedAt: "2026-03-01T08:00:00Z",
        services: ["ci"],
        tags: ["deploy"],
        rootCause: "A stale lock after a deploy blocked the pipeline.",
        publish: false,
      },
    ];
    for (const input of seeds) keys.set(input.title, await seed(admin, input));
    await admin.context().close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("searches the library with a filter, highlights the words and opens a result", async () => {
    const page = await signedIn(await server.createUser("viewer", "Val Viewer"));
    const problems = watchConsole(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    const library = new LibraryPage(page, server.url);
    await library.count().waitFor();
    expect(await library.count().textContent()).toBe("2 published post-mortems, newest first");
    expect(await library.titles()).toEqual([CHECKOUT, SEARCH]);
    await checkPage(page, "library");

    await library.search("deploy");
    expect(await library.count().textContent()).toBe("2 results");
    await library.filter("Severity", "P1 (critical)");
    await expect.poll(() => library.count().textContent()).toBe("1 result");
    expect(await library.titles()).toEqual([CHECKOUT]);
    expect(await library.marks(CHECKOUT)).toContain("deploy");
    expect(new URL(page.url()).search).toBe("?q=deploy&severity=P1");
    await checkPage(page, "library-search");

    // The address is the search: a reload shows the same results.
    await page.reload();
    await library.resultLink(CHECKOUT).waitFor();
    await library.openResult(CHECKOUT);
    const postmortem = new PostmortemPage(page, server.url);
    await postmortem.heading().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${keys.get(CHECKOUT)}/postmortem`);
    const similar = page.getByRole("region", { name: "Similar past incidents" });
    await similar.scrollIntoViewIfNeeded();
    await similar
      .getByText(/Similar|No past incident/)
      .first()
      .waitFor();
    expect(problems.problems).toEqual([]);
  }, 120_000);

  it("writes, checks, approves and publishes the customer-facing version", async () => {
    const key = keys.get(CHECKOUT)!;
    const eve = await signedIn(editor);
    const problems = watchConsole(eve);
    await new PostmortemPage(eve, server.url).open(key);
    await eve.getByRole("link", { name: "Customer-facing version" }).click();
    const author = new ExternalPage(eve, server.url);
    await author.heading().waitFor();
    await author.start();
    expect(await author.field("Duration").inputValue()).toMatch(/^about /);

    await author.write({
      Title: "Card payments failed at checkout",
      Summary:
        "Card payments failed for 42 minutes. Questions: payments-team@acme.com; db-primary.corp ran out of connections.",
      Impact: "Customers could not pay by card; other payment methods worked.",
      "What we are changing": "We now roll out connection settings gradually and alert on queueing.",
    });
    await author.save();
    await author.flag("payments-team@acme.com").waitFor();
    expect(await author.flags("Summary").allTextContents()).toEqual([
      expect.stringContaining("E-mail address: “payments-team@acme.com”"),
      expect.stringContaining("Internal host: “db-primary.corp”"),
    ]);
    await author.show("db-primary.corp");
    expect(await eve.evaluate(SELECTED_TEXT)).toBe("db-primary.corp");
    await checkPage(eve, "external-editor");

    await author.write({
      Summary:
        "Card payments failed for 42 minutes. Questions: payments-team@acme.com; a database ran out of connections.",
    });
    await author.save();
    await expect.poll(() => author.flag("db-primary.corp").count()).toBe(0);
    await author.dismiss("payments-team@acme.com", "A shared mailbox that support answers for customers");
    await eve.getByText("No open redaction flags.").waitFor();

    await author.act("Approve");
    await author.refusal().waitFor();
    expect(await author.refusal().textContent()).toContain(
      "must be approved by someone other than its author",
    );

    const ada = await signedIn(server.admin);
    const reviewer = new ExternalPage(ada, server.url);
    await reviewer.open(key);
    await reviewer.act("Approve");
    await reviewer.waitForStatus("Approved");
    expect(await reviewer.status().textContent()).toContain("Approved by Ada Admin");

    await eve.reload();
    await author.waitForStatus("Approved");
    await author.act("Publish");
    await author.publicLink().waitFor();
    const href = await author.publicLink().getAttribute("href");
    expect(href).toMatch(/^\/status\/postmortems\/2026-03-18-/);
    await checkPage(eve, "external-published");

    const publicPage = await browser.newPage({ width: 360, height: 780 });
    const response = await publicPage.goto(`${server.url}${href}`);
    expect(response?.status()).toBe(200);
    await publicPage.getByRole("heading", { level: 1, name: "Card payments failed at checkout" }).waitFor();
    const text = await publicPage.getByRole("article").textContent();
    expect(text).toContain("a database ran out of connections");
    expect(text).toContain("alert on queueing");
    expect(text).not.toContain("db-primary.corp");
    expect(problems.problems).toEqual([]);
  }, 180_000);
});
