import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "./add-timeline-entry.ts";
import { editTimelineEntry } from "./edit-timeline-entry.ts";
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

async function incidentWithEntry(text = "Restarted the payment workers") {
  const incident = await buildIncident(ctx);
  const entry = await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:20:00Z", text });
  return { incident, entry };
}

describe("editTimelineEntry", () => {
  it("changes only the given fields, bumps the version and stamps the edit time", async () => {
    const { incident, entry } = await incidentWithEntry();
    const clock = fixedClock("2026-03-18T17:30:00Z");

    const edited = await editTimelineEntry(
      buildCtx(testDb.db, { clock }),
      incident.key,
      entry.id,
      { text: "Restarted the payment workers (all three pods)", kind: "action" },
      1,
    );

    expect(edited).toEqual({
      ...entry,
      text: "Restarted the payment workers (all three pods)",
      kind: "action",
      version: 2,
      updatedAt: "2026-03-18T17:30:00Z",
    });
    expect(await getTimelineEntryOrThrow(testDb.db, incident.key, entry.id)).toEqual(edited);
  });

  it("moves an entry into its place when its time is corrected", async () => {
    const { incident, entry } = await incidentWithEntry("Noticed slow queries");
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:10:00Z", text: "Deploy 4812" });

    await editTimelineEntry(ctx, incident.key, entry.id, { occurredAt: "2026-03-18T14:05:00Z" });

    const { items } = await listTimeline(testDb.db, incident.key, { limit: 500 });
    expect(items.map((e) => e.text)).toEqual(["Noticed slow queries", "Deploy 4812"]);
  });

  it("refuses a stale version and changes nothing", async () => {
    const { incident, entry } = await incidentWithEntry();
    await editTimelineEntry(ctx, incident.key, entry.id, { text: "First correction" }, 1);

    const stale = editTimelineEntry(ctx, incident.key, entry.id, { text: "Second correction" }, 1);

    await expect(stale).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const current = await getTimelineEntryOrThrow(testDb.db, incident.key, entry.id);
    expect(current).toMatchObject({ text: "First correction", version: 2 });
  });

  it("refuses a time in the future, naming occurredAt", async () => {
    const { incident, entry } = await incidentWithEntry();

    const error = editTimelineEntry(ctx, incident.key, entry.id, { occurredAt: "2026-03-19T00:00:00Z" });

    await expect(error).rejects.toMatchObject({ code: "VALIDATION", errors: [{ path: "occurredAt" }] });
    expect((await getTimelineEntryOrThrow(testDb.db, incident.key, entry.id)).version).toBe(1);
  });

  it("refuses an unknown field and an empty text, naming them", async () => {
    const { incident, entry } = await incidentWithEntry();

    await expect(
      editTimelineEntry(ctx, incident.key, entry.id, { source: "web" } as never),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "source", message: "is not a known field" }],
    });
    await expect(editTimelineEntry(ctx, incident.key, entry.id, { text: " " })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "text" }],
    });
  });

  it("does not reach an entry through another incident's key", async () => {
    const { entry } = await incidentWithEntry();
    const other = await buildIncident(ctx);

    await expect(editTimelineEntry(ctx, other.key, entry.id, { text: "hijack" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(editTimelineEntry(ctx, "INC-999999", entry.id, { text: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
