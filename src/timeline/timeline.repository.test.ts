import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import type { DomainError } from "../shared/errors.ts";
import { addTimelineEntry } from "./add-timeline-entry.ts";
import { getTimelineEntryOrThrow, listTimeline } from "./timeline.repository.ts";

let testDb: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(async () => {
  await testDb.destroy();
});

const all = { limit: 500 };

describe("listTimeline", () => {
  it("orders by time, then by insertion for entries in the same second, back-dated ones in place", async () => {
    const clock = fixedClock("2026-03-18T14:10:00Z");
    const live = buildCtx(testDb.db, { clock });
    const incident = await buildIncident(live);
    await addTimelineEntry(live, incident.key, { text: "Rolled back deploy 4812" });
    await addTimelineEntry(live, incident.key, { text: "Posted status page update" });
    clock.advance(60_000);
    await addTimelineEntry(live, incident.key, { text: "Error rate back to normal" });
    await addTimelineEntry(live, incident.key, {
      occurredAt: "2026-03-18T14:02:00Z",
      text: "Alert fired: checkout error rate above 5%",
      kind: "alert",
    });
    await addTimelineEntry(live, incident.key, {
      occurredAt: "2026-03-18T14:10:00Z",
      text: "Paged the database team",
    });

    const { items, nextCursor } = await listTimeline(testDb.db, incident.key, all);

    expect(items.map((e) => [e.occurredAt, e.text])).toEqual([
      ["2026-03-18T14:02:00Z", "Alert fired: checkout error rate above 5%"],
      ["2026-03-18T14:10:00Z", "Rolled back deploy 4812"],
      ["2026-03-18T14:10:00Z", "Posted status page update"],
      ["2026-03-18T14:10:00Z", "Paged the database team"],
      ["2026-03-18T14:11:00Z", "Error rate back to normal"],
    ]);
    expect(nextCursor).toBeNull();
  });

  it("pages with a cursor without skipping or repeating entries in the same second", async () => {
    const incident = await buildIncident(ctx);
    const texts = ["one", "two", "three", "four", "five"];
    for (const [i, text] of texts.entries()) {
      await addTimelineEntry(ctx, incident.key, {
        occurredAt: i < 3 ? "2026-03-18T14:05:00Z" : "2026-03-18T14:06:00Z",
        text,
      });
    }

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listTimeline(testDb.db, incident.key, { limit: 2, cursor });
      seen.push(...page.items.map((e) => e.text));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);

    expect(seen).toEqual(texts);
    expect(pages).toBe(3);
  });

  it("shows only the incident's own entries, filtered by kind and time range", async () => {
    const incident = await buildIncident(ctx);
    const other = await buildIncident(ctx);
    await addTimelineEntry(ctx, other.key, { occurredAt: "2026-03-18T14:30:00Z", text: "elsewhere" });
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:00:00Z", text: "before" });
    await addTimelineEntry(ctx, incident.key, {
      occurredAt: "2026-03-18T14:30:00Z",
      text: "alert in range",
      kind: "alert",
    });
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:31:00Z", text: "event in range" });
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T15:00:00Z", text: "at the end" });

    const inRange = await listTimeline(testDb.db, incident.key, {
      ...all,
      from: "2026-03-18T14:30:00Z",
      to: "2026-03-18T15:00:00Z",
    });
    const alerts = await listTimeline(testDb.db, incident.key, { ...all, kind: "alert" });

    expect(inRange.items.map((e) => e.text)).toEqual(["alert in range", "event in range"]);
    expect(alerts.items.map((e) => e.text)).toEqual(["alert in range"]);
  });

  it("reads a page with two queries however many entries it holds", async () => {
    const incident = await buildIncident(ctx);
    for (let i = 0; i < 30; i += 1) await addTimelineEntry(ctx, incident.key, { text: `entry ${i}` });
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };

    const page = await listTimeline(testDb.db.withPlugin(counting), incident.key, all);

    expect(page.items).toHaveLength(30);
    expect(queries).toBe(2);
  });

  it("refuses an unknown incident and a cursor it did not hand out", async () => {
    const incident = await buildIncident(ctx);

    const missing = await listTimeline(testDb.db, "INC-999999", all).catch((e: DomainError) => e);
    const forged = await listTimeline(testDb.db, incident.key, { ...all, cursor: "bm9wZQ" }).catch(
      (e: DomainError) => e,
    );

    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    expect(forged).toMatchObject({ code: "VALIDATION", errors: [{ path: "cursor" }] });
  });
});

describe("getTimelineEntryOrThrow", () => {
  it("finds an entry only under its own incident", async () => {
    const incident = await buildIncident(ctx);
    const other = await buildIncident(ctx);
    const entry = await addTimelineEntry(ctx, incident.key, { text: "Failed over to the replica" });

    expect(await getTimelineEntryOrThrow(testDb.db, incident.key, entry.id)).toEqual(entry);
    await expect(getTimelineEntryOrThrow(testDb.db, other.key, entry.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getTimelineEntryOrThrow(testDb.db, incident.key, 2 ** 40)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
