import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import type { CreateIncidentInput } from "../incidents/incident.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { listPostmortemDeadlines, PostmortemDeadlineQuery, type DeadlineFilter } from "./overdue.ts";
import { updateProcessSettings } from "./settings.ts";

let testDb: TestDb;
let ctx: Ctx;
const clock = fixedClock("2026-04-01T00:00:00Z");
const keys: Record<string, string> = {};

async function incident(name: string, resolvedAt: string | null, more: Partial<CreateIncidentInput> = {}) {
  const input = resolvedAt ? { status: "resolved" as const, resolvedAt } : {};
  keys[name] = (
    await buildIncident(ctx, { title: name, startedAt: "2026-03-01T00:00:00Z", ...input, ...more })
  ).key;
  return keys[name];
}

async function titles(deadline?: DeadlineFilter): Promise<string[]> {
  const query = PostmortemDeadlineQuery.parse(deadline ? { deadline } : {});
  const page = await listPostmortemDeadlines(testDb.db, clock, query);
  return page.items.map((item) => item.title);
}

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock });
  await incident("long-resolved", "2026-03-20T00:00:00Z");
  await incident("meeting-due", "2026-03-30T12:00:00Z");
  await incident("fresh", "2026-03-31T12:00:00Z");
  await incident("unresolved", null);
  const met = await incident("meeting-held", "2026-03-29T00:00:00Z");
  await updateMeeting(ctx, met, { heldAt: "2026-03-30T10:00:00Z", attendees: [{ name: "Sam" }] });
  await incident("false-alarm", "2026-03-20T00:00:00Z", { tags: ["False-Alarm"] });
  const skipped = await incident("skipped-by-hand", "2026-03-20T00:00:00Z");
  await updatePostmortem(ctx, skipped, { required: { decision: "skip", reason: "a drill" } });
  const week = await incident("week-old-held", "2026-03-25T00:00:00Z");
  await updateMeeting(ctx, week, { heldAt: "2026-03-26T10:00:00Z", attendees: [{ name: "Sam" }] });
  const done = await incident("published", "2026-03-10T00:00:00Z");
  await updateMeeting(ctx, done, { heldAt: "2026-03-11T10:00:00Z", attendees: [{ name: "Sam" }] });
  await testDb.db
    .updateTable("postmortems")
    .set({ status: "published", publishedAt: "2026-03-12T00:00:00Z" })
    .where("incidentId", "=", (eb) =>
      eb
        .selectFrom("incidents")
        .select("id")
        .where("number", "=", Number(done.slice(4))),
    )
    .execute();
});
afterAll(() => testDb.destroy());

describe("listPostmortemDeadlines", () => {
  it("sorts post-mortems by where their deadlines stand, the most overdue first", async () => {
    clock.set("2026-04-01T00:00:00Z");
    expect(await titles("overdue")).toEqual(["long-resolved", "week-old-held"]);
    expect(await titles("due")).toEqual(["meeting-due"]);
    expect(await titles("on_track")).toEqual(["meeting-held", "fresh", "unresolved"]);
    expect(await titles()).toEqual([
      "published",
      "long-resolved",
      "week-old-held",
      "meeting-held",
      "meeting-due",
      "fresh",
      "unresolved",
    ]);
  });

  it("leaves out incidents that need no post-mortem, by the rules or by an editor's decision", async () => {
    clock.set("2026-04-01T00:00:00Z");
    const all = await titles();
    expect(all).toHaveLength(7);
    expect(all).not.toContain("false-alarm");
    expect(all).not.toContain("skipped-by-hand");
  });

  it("moves post-mortems along as the clock moves", async () => {
    clock.set("2026-04-02T06:00:00Z");
    expect(await titles("overdue")).toEqual(["long-resolved", "week-old-held", "meeting-due"]);
    expect(await titles("due")).toEqual(["fresh"]);
    clock.set("2026-04-04T00:00:00Z");
    expect(await titles("due")).toEqual(["meeting-held"]);
    expect(await titles("on_track")).toEqual(["unresolved"]);
  });

  it("returns each item's deadlines computed at the clock's now", async () => {
    clock.set("2026-03-31T12:00:00Z");
    const page = await listPostmortemDeadlines(
      testDb.db,
      clock,
      PostmortemDeadlineQuery.parse({ deadline: "due" }),
    );
    expect(page.items.map((item) => item.title)).toEqual(["week-old-held", "meeting-due"]);
    expect(page.items.slice(1)).toEqual([
      {
        incidentKey: keys["meeting-due"],
        title: "meeting-due",
        severity: "P2",
        status: "draft",
        resolvedAt: "2026-03-30T12:00:00Z",
        deadlines: {
          meeting: {
            state: "due",
            dueAt: "2026-03-31T12:00:00Z",
            overdueAt: "2026-04-01T12:00:00Z",
            secondsLeft: 24 * 3600,
          },
          publish: {
            state: "on_track",
            dueAt: "2026-04-06T12:00:00Z",
            overdueAt: "2026-04-06T12:00:00Z",
            secondsLeft: 6 * 24 * 3600,
          },
        },
      },
    ]);
  });

  it("follows the deadlines an admin configured", async () => {
    clock.set("2026-04-01T00:00:00Z");
    await updateProcessSettings(ctx, { deadlines: { meetingDueHours: 6, meetingOverdueHours: 12 } });
    expect(await titles("overdue")).toEqual(["long-resolved", "week-old-held", "meeting-due", "fresh"]);
    await updateProcessSettings(ctx, {});
  });

  it("pages with a cursor without skipping or repeating an item", async () => {
    clock.set("2026-04-01T00:00:00Z");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = PostmortemDeadlineQuery.parse({ limit: 2, ...(cursor ? { cursor } : {}) });
      const page = await listPostmortemDeadlines(testDb.db, clock, query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(seen).toEqual(await titles());
  });

  it("refuses a cursor it did not hand out, naming cursor", async () => {
    const error = await listPostmortemDeadlines(
      testDb.db,
      clock,
      PostmortemDeadlineQuery.parse({ cursor: "not-a-cursor" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.path)).toEqual(["cursor"]);
  });
});
