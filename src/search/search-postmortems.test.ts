import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, testDialect, type TestDb } from "../../test/test-db.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { updateActionItem } from "../actions/update-action-item.ts";
import { updateIncident } from "../incidents/update-incident.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { submitForReview } from "../process/submit-for-review.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "../timeline/add-timeline-entry.ts";
import { deleteTimelineEntry } from "../timeline/delete-timeline-entry.ts";
import { editTimelineEntry } from "../timeline/edit-timeline-entry.ts";
import { searchPostmortems } from "./search-postmortems.ts";
import type { SearchHit } from "./search.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(() => testDb.destroy());

const keys = (items: SearchHit[]) => items.map((i) => i.incidentKey);
const marked = (hit: SearchHit | undefined, field: string) =>
  hit?.snippets
    .find((s) => s.field === field)
    ?.fragments.filter((f) => f.match)
    .map((f) => f.text.toLowerCase());

describe("searchPostmortems", () => {
  it("ranks a title match above the same word in a timeline", async () => {
    const inTimeline = await buildIncident(ctx, { title: "Queue backlog", impact: "" });
    await addTimelineEntry(ctx, inTimeline.key, {
      text: "Saw a zeppelin in the dashboards",
      kind: "observation",
    });
    const inTitle = await buildIncident(ctx, { title: "Zeppelin outage in checkout", impact: "" });
    const result = await searchPostmortems(ctx, { q: "zeppelin" });
    expect(keys(result.items)).toEqual([inTitle.key, inTimeline.key]);
    expect(result.total).toBe(2);
    expect(result.items[0]!.score).toBeGreaterThan(result.items[1]!.score);
  });

  it("marks the matched words in snippets of the fields that matched", async () => {
    const incident = await buildIncident(ctx, { title: "Marmalade cache stampede" });
    await updatePostmortem(ctx, incident.key, { rootCause: "A marmalade flush emptied every node at once." });
    const [hit] = (await searchPostmortems(ctx, { q: "marmalade" })).items;
    expect(hit?.incidentKey).toBe(incident.key);
    expect(marked(hit, "title")).toEqual(["marmalade"]);
    expect(marked(hit, "rootCause")).toEqual(["marmalade"]);
    expect(hit?.snippets.map((s) => s.field)).toEqual(["title", "rootCause"]);
    const text = hit!.snippets[1]!.fragments.map((f) => f.text).join("");
    expect(text).toContain("flush emptied every node");
  });

  it("ranks a mention in a weightier section above one in a long timeline, whichever is newer", async () => {
    const inRootCause = await buildIncident(ctx, { title: "Disk alarm", impact: "" });
    await updatePostmortem(ctx, inRootCause.key, { rootCause: "The grebe job filled the disk." });
    // Newer, so it would come first if sections weighed the same (equal counts, newest first).
    const inTimeline = await buildIncident(ctx, { title: "Disk alarm", impact: "" });
    for (const text of [
      "Paged the on-call",
      "Saw a grebe on the storage graphs",
      "Rolled back the release",
    ]) {
      await addTimelineEntry(ctx, inTimeline.key, { text, kind: "observation" });
    }
    const result = await searchPostmortems(ctx, { q: "grebe" });
    expect(keys(result.items)).toEqual([inRootCause.key, inTimeline.key]);
  });

  it("counts a short word only where a word starts with it: 'ip' is not inside 'pipeline'", async () => {
    const inTitle = await buildIncident(ctx, { title: "IP exhaustion on the gannet subnet", impact: "" });
    const inside = await buildIncident(ctx, { title: "Gannet pipeline stalled", impact: "" });
    await updatePostmortem(ctx, inside.key, {
      rootCause: "The pipeline tip shipping ownership relationship; one IP was reused.",
    });
    const result = await searchPostmortems(ctx, { q: "gannet ip" });
    expect(keys(result.items)).toEqual([inTitle.key, inside.key]);
  });

  it.runIf(testDialect === "sqlite")(
    "ranks and marks accented words as the index reads them: 'resume' finds and marks 'Résumé'",
    async () => {
      const accented = await buildIncident(ctx, { title: "Résumé puffin service down", impact: "" });
      const plain = await buildIncident(ctx, { title: "Puffin outage", impact: "" });
      await updatePostmortem(ctx, plain.key, { rootCause: "Could not resume the puffin queue." });
      const result = await searchPostmortems(ctx, { q: "resume puffin" });
      expect(keys(result.items)).toEqual([accented.key, plain.key]);
      expect(marked(result.items[0], "title")).toEqual(["résumé", "puffin"]);
    },
  );

  it.runIf(testDialect === "postgres")(
    "marks a form the english stemmer shares with the word typed: 'quickly' marks 'quick'",
    async () => {
      const incident = await buildIncident(ctx, { title: "Heron outage", impact: "Recovery was quick." });
      const [hit] = (await searchPostmortems(ctx, { q: "heron quickly" })).items;
      expect(hit?.incidentKey).toBe(incident.key);
      expect(marked(hit, "impact")).toEqual(["quick"]);
    },
  );

  // FTS5's vocabulary tells how many post-mortems use each word; PostgreSQL's ts_rank_cd has no such weight.
  it.runIf(testDialect === "sqlite")(
    "weighs the rarer word of a query more: many mentions of a common one do not outrank it",
    async () => {
      for (let i = 0; i < 6; i++) await buildIncident(ctx, { title: `Walrus report ${i}`, impact: "" });
      const rare = await buildIncident(ctx, { title: "Storage alarm", impact: "" });
      await updatePostmortem(ctx, rare.key, {
        rootCause: "The kittiwake cleaner ran; kittiwake retried; kittiwake again. One walrus.",
      });
      // Newer, so it would come first if both words weighed the same (equal counts, newest first).
      const common = await buildIncident(ctx, { title: "Storage alarm", impact: "" });
      await updatePostmortem(ctx, common.key, {
        rootCause: "The walrus cleaner ran; walrus retried; walrus again. One kittiwake.",
      });
      const result = await searchPostmortems(ctx, { q: "walrus kittiwake" });
      expect(keys(result.items)).toEqual([rare.key, common.key]);
    },
  );

  it("marks every field holding another form of the word, and only those", async () => {
    const incident = await buildIncident(ctx, { title: "Plover outage", impact: "Plovers deployed late" });
    await updatePostmortem(ctx, incident.key, { rootCause: "Nothing about it here." });
    await addTimelineEntry(ctx, incident.key, { text: "Deploying the plover fix", kind: "action" });
    const [hit] = (await searchPostmortems(ctx, { q: "plover deploys" })).items;
    expect(hit?.snippets.map((s) => s.field)).toEqual(["title", "impact", "timeline"]);
    expect(marked(hit, "impact")).toEqual(["plovers", "deployed"]);
    expect(marked(hit, "timeline")).toEqual(["deploying", "plover"]);
  });

  it("marks the words of a filtered search whose hits are far apart", async () => {
    const first = await buildIncident(ctx, { title: "Osprey nest", services: ["osprey-api"], impact: "" });
    for (let i = 0; i < 6; i++) await buildIncident(ctx, { title: `Osprey sighting ${i}`, impact: "" });
    const last = await buildIncident(ctx, { title: "Quiet night", services: ["osprey-api"], impact: "" });
    await addTimelineEntry(ctx, last.key, { text: "An osprey took the uplink", kind: "observation" });
    const result = await searchPostmortems(ctx, { q: "osprey", service: "osprey-api" });
    expect(keys(result.items)).toEqual([first.key, last.key]);
    expect(marked(result.items[0], "title")).toEqual(["osprey"]);
    expect(marked(result.items[1], "timeline")).toEqual(["osprey"]);
  });

  it("matches stems, phrases and prefixes, and ANDs the words", async () => {
    const incident = await buildIncident(ctx, { title: "Throttling of the quokka gateway", impact: "" });
    expect(keys((await searchPostmortems(ctx, { q: "throttled quokka" })).items)).toEqual([incident.key]);
    expect(keys((await searchPostmortems(ctx, { q: '"quokka gateway"' })).items)).toEqual([incident.key]);
    expect(keys((await searchPostmortems(ctx, { q: '"gateway quokka"' })).items)).toEqual([]);
    expect(keys((await searchPostmortems(ctx, { q: "quok*" })).items)).toEqual([incident.key]);
    expect(keys((await searchPostmortems(ctx, { q: "quokka wombat" })).items)).toEqual([]);
  });

  it("treats punctuation and operators as text, never as syntax", async () => {
    const incident = await buildIncident(ctx, {
      title: "Lynx api-gateway dropped 50% of C++ requests",
      impact: "",
    });
    for (const q of [
      "lynx api-gateway",
      "lynx 50%",
      "lynx C++",
      'lynx "api gateway',
      "lynx NOT",
      "lynx)(*:^",
    ]) {
      const result = await searchPostmortems(ctx, { q });
      expect(keys(result.items), q).toEqual([incident.key]);
    }
    for (const q of ["NEAR(lynx", "lynx OR", "-lynx", "{title}: lynx", "lynx AND AND"]) {
      await expect(searchPostmortems(ctx, { q })).resolves.toBeDefined();
    }
  });

  it("refuses a query with no letter or digit, naming q", async () => {
    for (const q of ["", "   ", "!?%*", '""']) {
      await expect(searchPostmortems(ctx, { q })).rejects.toMatchObject({
        code: "VALIDATION",
        errors: [expect.objectContaining({ path: "q" })],
      });
    }
  });

  it("filters by severity, post-mortem status, service, tag and start date", async () => {
    const p1 = await buildIncident(ctx, {
      title: "Pelican latency",
      severity: "P1",
      services: ["pelican-api"],
      tags: ["network"],
      startedAt: "2026-01-10T10:00:00Z",
    });
    const p3 = await buildIncident(ctx, {
      title: "Pelican errors",
      severity: "P3",
      services: ["billing"],
      startedAt: "2026-02-10T10:00:00Z",
    });
    await submitForReview(ctx, p3.key);
    const search = async (filters: object) =>
      keys((await searchPostmortems(ctx, { q: "pelican", ...filters })).items);
    expect((await search({})).sort()).toEqual([p1.key, p3.key].sort());
    expect(await search({ severity: ["P1"] })).toEqual([p1.key]);
    expect((await search({ severity: "P1,P3" })).sort()).toEqual([p1.key, p3.key].sort());
    expect(await search({ status: ["in_review"] })).toEqual([p3.key]);
    expect(await search({ service: "pelican-api" })).toEqual([p1.key]);
    expect(await search({ tag: "network" })).toEqual([p1.key]);
    expect(await search({ from: "2026-02-01" })).toEqual([p3.key]);
    expect(await search({ to: "2026-01-10" })).toEqual([p1.key]);
    expect(await search({ to: "2026-01-10T10:00:00Z" })).toEqual([]);
    await updateIncident(ctx, p3.key, { severity: "P1" });
    expect((await search({ severity: ["P1"] })).sort()).toEqual([p1.key, p3.key].sort());
  });

  it("finds an edited post-mortem, timeline entry or action item at once, and no longer finds the old word", async () => {
    const incident = await buildIncident(ctx, { title: "Storage incident", impact: "" });
    const found = async (q: string) =>
      keys((await searchPostmortems(ctx, { q })).items).includes(incident.key);

    await updatePostmortem(ctx, incident.key, {
      resolution: "Restarted the albatross",
      lessons: { wentWell: ["ibis"] },
    });
    expect([await found("albatross"), await found("ibis")]).toEqual([true, true]);
    await updatePostmortem(ctx, incident.key, { resolution: "Restarted the cormorant" });
    expect([await found("albatross"), await found("cormorant")]).toEqual([false, true]);

    const entry = await addTimelineEntry(ctx, incident.key, { text: "Flamingo alert fired", kind: "alert" });
    expect(await found("flamingo")).toBe(true);
    await editTimelineEntry(ctx, incident.key, entry.id, { text: "Heron alert fired" });
    expect([await found("flamingo"), await found("heron")]).toEqual([false, true]);
    await deleteTimelineEntry(ctx, incident.key, entry.id);
    expect(await found("heron")).toBe(false);

    const item = await createActionItem(ctx, incident.key, { title: "Add a puffin dashboard" });
    expect(await found("puffin")).toBe(true);
    await updateActionItem(ctx, item.id, { title: "Add a toucan dashboard" });
    expect([await found("puffin"), await found("toucan")]).toEqual([false, true]);
  });

  it("pages with a cursor through every match once, with the total", async () => {
    for (let i = 0; i < 5; i++) await buildIncident(ctx, { title: `Kestrel outage ${i}` });
    const first = await searchPostmortems(ctx, { q: "kestrel", limit: 3 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(3);
    const second = await searchPostmortems(ctx, { q: "kestrel", limit: 3, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...keys(first.items), ...keys(second.items)]).size).toBe(5);
    expect(second.items[0]).toMatchObject({
      severity: "P2",
      incidentStatus: "open",
      postmortemStatus: "draft",
    });
    expect(second.items[0]!.services).toEqual(["checkout-api"]);
  });

  it("finds incidents by date ranges across months, years and open ends, bounds exact to the second", async () => {
    const at = async (startedAt: string) =>
      (await buildIncident(ctx, { title: `Capybara drift ${startedAt}`, startedAt })).key;
    const [old, lastOf2023, firstOf2024, mid2024, firstOf2025] = [
      await at("1999-05-05T08:00:00Z"),
      await at("2023-12-31T23:59:59Z"),
      await at("2024-01-01T00:00:00Z"),
      await at("2024-06-15T12:00:00Z"),
      await at("2025-01-01T00:00:00Z"),
    ];
    const search = async (filters: object) =>
      keys((await searchPostmortems(ctx, { q: "capybara", ...filters })).items).sort();
    expect(await search({ from: "2024-01-01", to: "2024-12-31" })).toEqual([firstOf2024, mid2024].sort());
    expect(await search({ from: "2023-12-31T23:59:59Z", to: "2024-06-15T12:00:00Z" })).toEqual(
      [lastOf2023, firstOf2024].sort(),
    );
    expect(await search({ from: "2024-06-15T12:00:01Z" })).toEqual([firstOf2025]);
    expect(await search({ to: "2023-12-31" })).toEqual([old, lastOf2023].sort());
    expect(await search({ from: "1990-01-01", to: "2000-01-01" })).toEqual([old]);
    expect(await search({ from: "2024-06-16", to: "2024-06-01" })).toEqual([]);
  });

  it("counts matches up to 300 and says when there are more", async () => {
    for (let i = 0; i < 301; i++) {
      await buildIncident(ctx, { title: `Narwhal outage ${i}`, severity: i < 3 ? "P1" : "P3", impact: "" });
    }
    const all = await searchPostmortems(ctx, { q: "narwhal" });
    expect([all.total, all.totalIsLowerBound, all.items.length]).toEqual([300, true, 20]);
    const few = await searchPostmortems(ctx, { q: "narwhal", severity: ["P1"] });
    expect([few.total, few.totalIsLowerBound]).toEqual([3, false]);
  });

  it("with a filter and more than 300 matches, ranks the newest 300 and counts them as a lower bound", async () => {
    const made: string[] = [];
    for (let i = 0; i < 305; i++) {
      const incident = await buildIncident(ctx, {
        title: `Gannet drop ${i}`,
        services: ["gannet-api"],
        impact: "",
      });
      made.push(incident.key);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchPostmortems(ctx, { q: "gannet", service: "gannet-api", limit: 100, cursor });
      expect([page.total, page.totalIsLowerBound]).toEqual([300, true]);
      seen.push(...keys(page.items));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(made.slice(5).sort());
  });

  it("without words lists the post-mortems matching the filters by the incident's start, latest first", async () => {
    const db = await createTestDb();
    try {
      const local = buildCtx(db.db);
      await buildIncident(local, {
        title: "Early",
        severity: "P1",
        startedAt: "2025-01-05T10:00:00Z",
      });
      // Declared after the others, but started between them: the start orders the list, not the declaration.
      await buildIncident(local, {
        title: "Late",
        severity: "P2",
        startedAt: "2025-03-05T10:00:00Z",
      });
      await buildIncident(local, {
        title: "Middle",
        severity: "P1",
        startedAt: "2025-02-05T10:00:00Z",
      });
      const titles = async (query: Record<string, unknown>) =>
        (await searchPostmortems(local, query)).items.map((hit) => hit.title);
      expect(await titles({})).toEqual(["Late", "Middle", "Early"]);
      expect(await titles({ severity: ["P1"] })).toEqual(["Middle", "Early"]);
      expect(await titles({ from: "2025-02-01", to: "2025-02-28" })).toEqual(["Middle"]);
      expect(await titles({ to: "2025-02-05" })).toEqual(["Middle", "Early"]);
      expect(await titles({ status: ["published"] })).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("returns nothing (not an error) for common words alone", async () => {
    expect(await searchPostmortems(ctx, { q: "the and of" })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      totalIsLowerBound: false,
    });
  });
});
