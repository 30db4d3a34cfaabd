import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "./add-timeline-entry.ts";
import { deleteTimelineEntry } from "./delete-timeline-entry.ts";
import { editTimelineEntry } from "./edit-timeline-entry.ts";
import { listTimeline } from "./timeline.repository.ts";

let testDb: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(async () => {
  await testDb.destroy();
});

const texts = async (key: string) =>
  (await listTimeline(testDb.db, key, { limit: 500 })).items.map((e) => e.text);

describe("deleteTimelineEntry", () => {
  it("removes the entry and leaves the rest of the timeline in order", async () => {
    const incident = await buildIncident(ctx);
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:02:00Z", text: "Alert fired" });
    const typo = await addTimelineEntry(ctx, incident.key, {
      occurredAt: "2026-03-18T14:03:00Z",
      text: "Alrt",
    });
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T14:04:00Z", text: "Rolled back" });

    await deleteTimelineEntry(ctx, incident.key, typo.id, 1);

    expect(await texts(incident.key)).toEqual(["Alert fired", "Rolled back"]);
    await expect(deleteTimelineEntry(ctx, incident.key, typo.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a stale version and keeps the entry", async () => {
    const incident = await buildIncident(ctx);
    const entry = await addTimelineEntry(ctx, incident.key, { text: "Scaled up the pool" });
    await editTimelineEntry(ctx, incident.key, entry.id, { text: "Scaled the pool to 40" });

    await expect(deleteTimelineEntry(ctx, incident.key, entry.id, 1)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await texts(incident.key)).toEqual(["Scaled the pool to 40"]);
  });

  it("does not remove an entry through another incident's key", async () => {
    const incident = await buildIncident(ctx);
    const other = await buildIncident(ctx);
    const entry = await addTimelineEntry(ctx, incident.key, { text: "Opened a bridge call" });

    await expect(deleteTimelineEntry(ctx, other.key, entry.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await texts(incident.key)).toEqual(["Opened a bridge call"]);
  });
});
