import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import type { Postmortem } from "./postmortem.ts";
import { tickChecklistItem, untickChecklistItem } from "./tick-checklist-item.ts";

let testDb: TestDb;
let ctx: Ctx;
const clock = fixedClock("2026-03-19T09:30:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  const user = await buildUser(testDb.db, "editor");
  ctx = buildCtx(testDb.db, { clock, actor: user.actor });
});
afterAll(() => testDb.destroy());

function entry(pm: Postmortem, item: string) {
  return pm.checklist.find((c) => c.item === item);
}

describe("tickChecklistItem", () => {
  it("stores who ticked the item and the clock time", async () => {
    const incident = await buildIncident(ctx);
    const pm = await tickChecklistItem(ctx, incident.key, "timeline-drafted");
    expect(entry(pm, "timeline-drafted")).toEqual({
      item: "timeline-drafted",
      phase: "before",
      tickedBy: ctx.actor.name,
      tickedAt: "2026-03-19T09:30:00Z",
    });
    expect(entry(pm, "invitation-sent")?.tickedAt).toBeNull();
    const row = await testDb.db
      .selectFrom("checklistTicks")
      .select("tickedByUserId")
      .where("itemKey", "=", "timeline-drafted")
      .executeTakeFirstOrThrow();
    expect(row.tickedByUserId).toBe(ctx.actor.kind === "user" ? ctx.actor.userId : -1);
  });

  it("keeps the first tick when an item is ticked twice", async () => {
    const incident = await buildIncident(ctx);
    await tickChecklistItem(ctx, incident.key, "blameless-framing");
    const later = buildCtx(testDb.db, { clock: fixedClock("2026-03-20T12:00:00Z") });
    const pm = await tickChecklistItem(later, incident.key, "blameless-framing");
    expect(entry(pm, "blameless-framing")).toMatchObject({
      tickedBy: ctx.actor.name,
      tickedAt: "2026-03-19T09:30:00Z",
    });
  });

  it("does not change the post-mortem's version", async () => {
    const incident = await buildIncident(ctx);
    const pm = await tickChecklistItem(ctx, incident.key, "shared-internally");
    expect(pm.version).toBe(1);
  });

  it("refuses an item that is not on the checklist, naming item", async () => {
    const incident = await buildIncident(ctx);
    const error = await tickChecklistItem(ctx, incident.key, "blame-assigned").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("VALIDATION");
    expect((error as DomainError).errors.map((e) => e.path)).toEqual(["item"]);
  });
});

describe("untickChecklistItem", () => {
  it("clears the tick so the item can be ticked afresh", async () => {
    const incident = await buildIncident(ctx);
    await tickChecklistItem(ctx, incident.key, "data-gathered");
    const cleared = await untickChecklistItem(ctx, incident.key, "data-gathered");
    expect(entry(cleared, "data-gathered")).toMatchObject({ tickedBy: null, tickedAt: null });

    const later = buildCtx(testDb.db, { clock: fixedClock("2026-03-21T08:00:00Z") });
    const again = await tickChecklistItem(later, incident.key, "data-gathered");
    expect(entry(again, "data-gathered")).toMatchObject({
      tickedBy: "test-operator",
      tickedAt: "2026-03-21T08:00:00Z",
    });
  });

  it("refuses an unknown item too", async () => {
    const incident = await buildIncident(ctx);
    const error = await untickChecklistItem(ctx, incident.key, "nope").catch((e: unknown) => e);
    expect((error as DomainError).errors.map((e) => e.path)).toEqual(["item"]);
  });
});
