import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveExternalVersion } from "../src/external/approve-external-version.ts";
import { createExternalVersion } from "../src/external/create-external-version.ts";
import type { CreateExternalVersionInput } from "../src/external/external-version.ts";
import { publishExternalVersion } from "../src/external/publish-external-version.ts";
import { updateExternalVersion } from "../src/external/update-external-version.ts";
import { dismissRedactionFlag } from "../src/external/dismiss-redaction-flag.ts";
import { createActionItem } from "../src/actions/create-action-item.ts";
import { addWhy } from "../src/analysis/add-why.ts";
import { updateMeeting } from "../src/postmortems/update-meeting.ts";
import { updatePostmortem } from "../src/postmortems/update-postmortem.ts";
import { addTimelineEntry } from "../src/timeline/add-timeline-entry.ts";
import { createUser } from "../src/users/manage-users.ts";
import { APP_CSP } from "../src/server/web.ts";
import type { Ctx } from "../src/shared/context.ts";
import { buildCtx } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

const PUBLIC_URL = "https://status.example.com";

let t: TestApp;
let author: Ctx;
let reviewer: Ctx;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  author = buildCtx(t.testDb.db, { clock: t.clock, actor: t.users.editor.actor });
  reviewer = buildCtx(t.testDb.db, { clock: t.clock, actor: t.users.admin.actor });
});
afterAll(() => t.close());

const CLEAN = {
  title: "Card payments failed",
  summary: "Some card payments failed.",
  impact: "Customers could not pay by card.",
  duration: "about 42 minutes",
  changes: "We are adding capacity.",
};

/** Writes, approves and publishes a report at the test clock's time; returns its incident key and slug. */
async function publishReport(texts: CreateExternalVersionInput = {}, startedAt = "2026-03-18T14:00:00Z") {
  const key = await t.openIncident({ customerImpact: true, startedAt });
  await createExternalVersion(author, key, { ...CLEAN, ...texts });
  await approveExternalVersion(reviewer, key);
  const published = await publishExternalVersion(author, key);
  return { key, slug: published.publication!.slug };
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers });

describe("public pages", () => {
  it("lists the reports newest first and shows each on a page of its own, inert and cacheable", async () => {
    t.clock.set("2026-03-19T09:00:00Z");
    const older = await publishReport({ title: "Logins were slow" }, "2026-03-17T10:00:00Z");
    t.clock.set("2026-03-19T10:00:00Z");
    const newer = await publishReport({ title: "Uploads failed" }, "2026-03-18T08:00:00Z");

    const list = await get("/status/postmortems");
    expect(list.statusCode).toBe(200);
    expect(list.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(list.headers["cache-control"]).toBe("public, max-age=60");
    expect(list.headers["content-security-policy"]).toBe(APP_CSP);
    expect(list.body.indexOf(newer.slug)).toBeGreaterThan(-1);
    expect(list.body.indexOf(newer.slug)).toBeLessThan(list.body.indexOf(older.slug));

    const page = await get(`/status/postmortems/${older.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(page.body).toContain("<title>Logins were slow · Incident reports</title>");
    expect(page.body).toContain("<h1>Logins were slow</h1>");
    expect(page.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.body).toContain('<link rel="stylesheet" href="/status/postmortems/style.css">');
    expect(page.body).not.toMatch(/<script|<style|style=/i);

    const css = await get("/status/postmortems/style.css");
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.body).toContain("max-width");
  });

  it("answers an unknown address with a 404 page, not the web app", async () => {
    const missing = await get("/status/postmortems/2026-01-01-no-such-report", { accept: "text/html" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(missing.body).toContain("<h1>No report here</h1>");
    expect((await get(`/status/postmortems/${"x".repeat(500)}`)).statusCode).toBe(404);
  });

  it("renders customer text inert: markup stays text, unsafe links and images go", async () => {
    const { slug } = await publishReport({
      title: "<script>alert(1)</script> Checkout",
      summary:
        'Raw <img src=x onerror="alert(2)"> and <b onclick="alert(3)">bold</b>.\n\n' +
        "[a trap](javascript:alert(4)) ![tracker](https://evil.example.com/pixel.png) [help](https://help.example.com)\n\n# A heading",
    });
    const page = (await get(`/status/postmortems/${slug}`)).body;
    expect(page).toContain("<h1>&#x3C;script>alert(1)&#x3C;/script> Checkout</h1>");
    expect(page).not.toMatch(/<script|<img|onerror=|onclick=|javascript:/i);
    expect(page).toContain('<a href="https://help.example.com">help</a>');
    expect(page).toContain("<h3>A heading</h3>");
  });
});

describe("Atom feed", () => {
  it("lists the publications newest first with absolute ids and links under HINDSIGHT_PUBLIC_URL", async () => {
    t.clock.set("2026-03-20T09:00:00Z");
    const first = await publishReport({ title: "Search was down" });
    t.clock.set("2026-03-20T10:00:00Z");
    const second = await publishReport({ title: "Emails were late ]]> twice ]]> <b>" });

    const response = await get("/status/postmortems/feed.atom");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const feed = parseFeed(response.body);
    expect(feed.meta.type).toBe("atom");
    expect(feed.self).toBe(`${PUBLIC_URL}/status/postmortems/feed.atom`);
    expect(feed.url).toBe(`${PUBLIC_URL}/status/postmortems`);
    expect(feed.updated?.toISOString()).toBe("2026-03-20T10:00:00.000Z");
    const [top, next] = feed.items;
    expect(top).toMatchObject({
      id: `${PUBLIC_URL}/status/postmortems/${second.slug}`,
      url: `${PUBLIC_URL}/status/postmortems/${second.slug}`,
    });
    expect(top!.title).toBe("Emails were late ]]> twice ]]> <b>");
    expect(top!.content).toContain("We are adding capacity.");
    expect(next!.url).toBe(`${PUBLIC_URL}/status/postmortems/${first.slug}`);
  });

  it("dates an entry by the publication's last update, and keeps its id when republished", async () => {
    t.clock.set("2026-03-21T09:00:00Z");
    const { key, slug } = await publishReport({ title: "Maps did not load" });
    t.clock.set("2026-03-21T12:00:00Z");
    const draft = await updateExternalVersion(author, key, { changes: "We are caching tiles." });
    await approveExternalVersion(reviewer, key, draft.version);
    await publishExternalVersion(author, key);

    const feed = parseFeed((await get("/status/postmortems/feed.atom")).body);
    const entry = feed.items.find((item) => item.url?.endsWith(`/${slug}`));
    expect(entry?.updated?.toISOString()).toBe("2026-03-21T12:00:00.000Z");
    expect(entry?.published?.toISOString()).toBe("2026-03-21T09:00:00.000Z");
    expect(entry?.content).toContain("We are caching tiles.");
    expect(feed.items.filter((item) => item.url?.endsWith(`/${slug}`))).toHaveLength(1);
  });

  it("uses the host the reader asked for when no public URL is configured", async () => {
    const other = await createTestApp();
    try {
      const response = await other.app.inject({
        method: "GET",
        url: "/status/postmortems/feed.atom",
        headers: { host: "status.test" },
      });
      const feed = parseFeed(response.body);
      expect(feed.self).toBe("http://status.test/status/postmortems/feed.atom");
      expect(feed.items).toEqual([]);
      const odd = await other.app.inject({
        method: "GET",
        url: "/status/postmortems/feed.atom",
        headers: { host: "bad host/<x>" },
      });
      expect(parseFeed(odd.body).self).toBe("http://localhost/status/postmortems/feed.atom");
    } finally {
      await other.close();
    }
  });
});

const marker = (field: string) => `LEAK-${field}-7f3a`;
const emailMarker = (field: string) => `leak-${field}-7f3a@example.com`;

/** A user whose name and e-mail are markers, acting through the verbs. */
async function markedUser(field: string, role: "editor" | "admin"): Promise<Ctx> {
  const { user } = await createUser(buildCtx(t.testDb.db, { clock: t.clock }), {
    email: emailMarker(`${field}-email`),
    name: marker(`${field}-name`),
    role,
  });
  return buildCtx(t.testDb.db, {
    clock: t.clock,
    actor: { kind: "user", userId: user.id, name: user.name, email: user.email, role },
  });
}

describe("the leak test", () => {
  it("shows no internal field on any public response, only the approved customer text", async () => {
    t.clock.set("2026-03-22T10:00:00Z");
    const writer = await markedUser("author", "editor");
    const approver = await markedUser("approver", "admin");
    const key = await t.openIncident({
      title: marker("title"),
      impact: marker("impact"),
      customerImpact: true,
      status: "resolved",
      startedAt: "2026-03-22T08:00:00Z",
      mitigatedAt: "2026-03-22T08:40:00Z",
      resolvedAt: "2026-03-22T09:00:00Z",
      services: [marker("service")],
      tags: [marker("tag")],
    });
    await updatePostmortem(writer, key, {
      summary: marker("summary"),
      rootCause: marker("root-cause"),
      detection: marker("detection"),
      resolution: marker("resolution"),
      contributingFactors: [marker("factor")],
      lessons: { wentWell: [marker("went-well")], toImprove: [marker("to-improve")] },
      appendix: [
        { title: marker("appendix-title"), url: `https://wiki.example.com/${marker("appendix-url")}` },
      ],
      required: { decision: "always", reason: marker("required-reason") },
    });
    await addTimelineEntry(writer, key, {
      occurredAt: "2026-03-22T08:05:00Z",
      text: marker("timeline-text"),
      author: marker("timeline-author"),
    });
    await createActionItem(writer, key, {
      title: marker("action-title"),
      owner: marker("action-owner"),
      externalUrl: `https://tracker.example.com/${marker("action-url")}`,
    });
    const why = await addWhy(writer, key, { parentId: null, text: marker("why-root") });
    await addWhy(writer, key, { parentId: why.id, text: marker("why-answer") });
    await updateMeeting(writer, key, {
      heldAt: "2026-03-22T09:30:00Z",
      facilitator: marker("facilitator"),
      attendees: [{ name: marker("attendee-name"), email: emailMarker("attendee-email") }],
      notes: { timeline: marker("meeting-notes") },
    });

    await createExternalVersion(writer, key, {
      title: "Checkout was unavailable",
      summary: "Checkout did not respond for some customers.",
      impact: "Some orders could not be placed.",
      changes: "We are adding capacity. Follow @acme_status for news.",
    });
    await dismissRedactionFlag(writer, key, {
      field: "changes",
      kind: "chat_handle",
      match: "@acme_status",
      reason: marker("dismissal-reason"),
    });
    await approveExternalVersion(approver, key);
    const { publication } = await publishExternalVersion(writer, key);

    const markers = [
      ...[
        "title",
        "impact",
        "service",
        "tag",
        "summary",
        "root-cause",
        "detection",
        "resolution",
        "factor",
        "went-well",
        "to-improve",
        "appendix-title",
        "appendix-url",
        "required-reason",
        "timeline-text",
        "timeline-author",
        "action-title",
        "action-owner",
        "action-url",
        "why-root",
        "why-answer",
        "facilitator",
        "attendee-name",
        "meeting-notes",
        "dismissal-reason",
        "author-name",
        "approver-name",
      ].map(marker),
      ...["attendee-email", "author-email", "approver-email"].map(emailMarker),
    ];
    // The markers are really stored: the internal API shows every one of them.
    const internal = [
      (await get(`/api/v1/incidents/${key}/postmortem/export?format=json`, t.as("viewer"))).body,
      (await get(`/api/v1/incidents/${key}/external`, t.as("viewer"))).body,
      (await get("/api/v1/users", t.as("admin"))).body,
    ].join("\n");
    expect(markers.filter((m) => !internal.includes(m))).toEqual([]);

    const responses = await Promise.all(
      [
        "/status/postmortems",
        `/status/postmortems/${publication!.slug}`,
        "/status/postmortems/feed.atom",
        "/status/postmortems/style.css",
        "/status/postmortems/no-such-report",
      ].map((url) => get(url)),
    );
    const page = responses[1]!.body;
    expect(page).toContain("Checkout was unavailable");
    expect(page).toContain("about 40 minutes");
    for (const response of responses) {
      const seen = `${JSON.stringify(response.headers)}\n${response.body}`.toLowerCase();
      expect(markers.filter((m) => seen.includes(m.toLowerCase()))).toEqual([]);
    }
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 404]);
  });
});
