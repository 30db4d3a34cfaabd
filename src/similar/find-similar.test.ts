import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "../timeline/add-timeline-entry.ts";
import { deleteTimelineEntry } from "../timeline/delete-timeline-entry.ts";
import { DomainError } from "../shared/errors.ts";
import { inventedPostmortems } from "./__fixtures__/invented-postmortems.ts";
import { findSimilar } from "./find-similar.ts";

let testDb: TestDb;
let ctx: Ctx;
const keys = new Map<string, string>();

async function open(title: string, impact = ""): Promise<string> {
  return (await buildIncident(ctx, { title, impact, services: [] })).key;
}

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
  for (const pm of inventedPostmortems) {
    const key = await open(pm.title, pm.impact);
    await updatePostmortem(ctx, key, {
      rootCause: pm.rootCause,
      contributingFactors: pm.contributingFactors,
      summary: pm.summary,
    });
    keys.set(pm.name, key);
  }
});
afterAll(() => testDb?.destroy());

const keysOf = async (key: string, limit?: number) =>
  (await findSimilar(ctx, key, limit === undefined ? {} : { limit })).items.map((i) => i.incidentKey);

describe("findSimilar", () => {
  it("finds the incident about the same failure first, from its post-mortem's causes and summary too", async () => {
    const [best] = (await findSimilar(ctx, keys.get("disk-postgres")!)).items;
    expect(best).toMatchObject({
      incidentKey: keys.get("disk-reporting-db"),
      title: "Reporting database volume full",
      severity: "P2",
      startedAt: "2026-03-18T14:02:00Z",
      postmortemStatus: "draft",
    });
    expect(best!.score).toBeGreaterThan(0.2);
    expect(best!.score).toBeLessThanOrEqual(1);
    expect(best!.sharedTerms).toEqual(expect.arrayContaining(["replication", "slot", "disk"]));
    expect((await keysOf(keys.get("queue-email")!))[0]).toBe(keys.get("queue-push"));
  });

  it("returns five by default, at most the limit, and never the incident itself", async () => {
    const key = keys.get("certificate-payments")!;
    const five = await keysOf(key);
    expect(five).toHaveLength(5);
    expect(five).not.toContain(key);
    expect(await keysOf(key, 2)).toEqual(five.slice(0, 2));
  });

  it("sees an edited root cause at the next call, even within the same second", async () => {
    const lone = await open("Wobbling quasar beacon");
    const target = await open("Gravitational lens drift");
    expect(await keysOf(lone)).toEqual([]);
    await updatePostmortem(ctx, target, { rootCause: "The quasar beacon wobbled." });
    expect(await keysOf(lone)).toEqual([target]);
    await updatePostmortem(ctx, target, { rootCause: "The lens drifted." });
    expect(await keysOf(lone)).toEqual([]);
  });

  it("sees replaced contributing factors and new incidents at once", async () => {
    const lone = await open("Marmalade conveyor jammed");
    expect(await keysOf(lone)).toEqual([]);
    const other = await open("Toaster fleet offline");
    await updatePostmortem(ctx, other, { contributingFactors: ["A marmalade conveyor upstream"] });
    expect(await keysOf(lone)).toEqual([other]);
    await updatePostmortem(ctx, other, { contributingFactors: ["Bread supply was late"] });
    expect(await keysOf(lone)).toEqual([]);
    const newest = await open("Conveyor of marmalade stuck");
    expect(await keysOf(lone)).toEqual([newest]);
  });

  it("reads the timeline and how the incident was detected and resolved, and sees their edits at once", async () => {
    const lone = await open("Kumquat sorter halted");
    const other = await open("Warehouse lights flickered");
    expect(await keysOf(lone)).toEqual([]);
    const entry = await addTimelineEntry(ctx, other, { text: "The kumquat sorter halted too" });
    expect(await keysOf(lone)).toEqual([other]);
    await deleteTimelineEntry(ctx, other, entry.id);
    expect(await keysOf(lone)).toEqual([]);
    await updatePostmortem(ctx, other, { detection: "A picker saw the kumquat belt idle" });
    expect(await keysOf(lone)).toEqual([other]);
    await updatePostmortem(ctx, other, { detection: "", resolution: "We restarted the sorter" });
    expect(await keysOf(lone)).toEqual([other]);
  });

  it("reads the lessons learned and sees them replaced at once", async () => {
    const lone = await open("Pomelo juicer overflowed");
    const other = await open("Loading dock door stuck");
    expect(await keysOf(lone)).toEqual([]);
    await updatePostmortem(ctx, other, { lessons: { wentWell: [], toImprove: ["Watch the pomelo juicer"] } });
    expect(await keysOf(lone)).toEqual([other]);
    await updatePostmortem(ctx, other, { lessons: { wentWell: [], toImprove: ["Oil the door hinges"] } });
    expect(await keysOf(lone)).toEqual([]);
  });

  it("refuses an unknown incident and a limit out of range", async () => {
    const unknown = await findSimilar(ctx, "INC-999999").catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(DomainError);
    expect((unknown as DomainError).code).toBe("NOT_FOUND");
    const tooMany = await findSimilar(ctx, keys.get("queue-push")!, { limit: 21 }).catch((e: unknown) => e);
    expect((tooMany as DomainError).errors).toEqual([{ path: "limit", message: expect.any(String) }]);
  });
});
