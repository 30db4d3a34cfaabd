import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { DomainError } from "../shared/errors.ts";
import { addTimelineEntry } from "./add-timeline-entry.ts";
import { listTimeline } from "./timeline.repository.ts";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb.destroy();
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  return promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: DomainError) => error,
  );
}

describe("addTimelineEntry", () => {
  it("stamps the current UTC second when no time is given", async () => {
    const clock = fixedClock("2026-03-18T16:05:42.789Z");
    const ctx = buildCtx(testDb.db, { clock });
    const incident = await buildIncident(ctx);

    const entry = await addTimelineEntry(ctx, incident.key, { text: "Paged the on-call engineer" });

    expect(entry).toMatchObject({
      incidentKey: incident.key,
      occurredAt: "2026-03-18T16:05:42Z",
      kind: "event",
      text: "Paged the on-call engineer",
      source: "api",
      version: 1,
      createdAt: "2026-03-18T16:05:42Z",
      updatedAt: "2026-03-18T16:05:42Z",
    });
  });

  it("keeps a back-dated time, normalised to the second, and records when it was written", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const entry = await addTimelineEntry(ctx, incident.key, {
      occurredAt: "2026-03-18T14:02:07.250Z",
      kind: "alert",
      text: "  Error rate above 5% on checkout-api  ",
    });

    expect(entry.occurredAt).toBe("2026-03-18T14:02:07Z");
    expect(entry.kind).toBe("alert");
    expect(entry.text).toBe("Error rate above 5% on checkout-api");
    expect(entry.createdAt).toBe("2026-03-18T16:00:00Z");
  });

  it("names the signed-in user as author unless another author is given", async () => {
    const user = await buildUser(testDb.db, "editor");
    const ctx = buildCtx(testDb.db, { actor: user.actor });
    const incident = await buildIncident(ctx);

    const own = await addTimelineEntry(ctx, incident.key, { text: "Rolled back deploy 4812" });
    const relayed = await addTimelineEntry(ctx, incident.key, {
      text: "Support reports customers cannot pay",
      author: "Dana (support)",
      kind: "communication",
    });

    expect(own.author).toBe(user.actor.name);
    expect(relayed.author).toBe("Dana (support)");
    const row = await testDb.db
      .selectFrom("timelineEntries")
      .select("authorUserId")
      .where("id", "=", own.id)
      .executeTakeFirstOrThrow();
    expect(row.authorUserId).toBe(user.id);
  });

  it("accepts the call the CLI makes, with unset options and the cli source", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const entry = await addTimelineEntry(ctx, incident.key, {
      text: "Declared the incident",
      occurredAt: undefined,
      kind: undefined,
      source: "cli",
    });

    expect(entry).toMatchObject({
      occurredAt: "2026-03-18T16:00:00Z",
      kind: "event",
      author: "test-operator",
      source: "cli",
    });
  });

  it("accepts a time up to two minutes ahead of the server's clock", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const entry = await addTimelineEntry(ctx, incident.key, {
      occurredAt: "2026-03-18T16:02:00Z",
      text: "Written on a laptop whose clock runs fast",
    });

    expect(entry.occurredAt).toBe("2026-03-18T16:02:00Z");
  });

  it("refuses a time further in the future, naming occurredAt, and stores nothing", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const error = await rejection(
      addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-18T16:02:01Z", text: "Too early" }),
    );

    expect(error.code).toBe("VALIDATION");
    expect(error.errors).toEqual([{ path: "occurredAt", message: "must not be in the future" }]);
    expect((await listTimeline(testDb.db, incident.key, { limit: 500 })).items).toEqual([]);
  });

  it("names each invalid field", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const error = await rejection(
      addTimelineEntry(ctx, incident.key, {
        occurredAt: "2026-03-18T14:02:00+01:00",
        kind: "culprit" as never,
        text: "   ",
      }),
    );

    expect(error.code).toBe("VALIDATION");
    expect(error.errors.map((e) => e.path).sort()).toEqual(["kind", "occurredAt", "text"]);
  });

  it("refuses text longer than 10 000 characters", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const error = await rejection(addTimelineEntry(ctx, incident.key, { text: "x".repeat(10_001) }));

    expect(error.errors.map((e) => e.path)).toEqual(["text"]);
  });

  it("refuses an unknown field by name", async () => {
    const ctx = buildCtx(testDb.db);
    const incident = await buildIncident(ctx);

    const error = await rejection(
      addTimelineEntry(ctx, incident.key, { text: "Restarted pods", culprit: "bob" } as never),
    );

    expect(error.code).toBe("VALIDATION");
    expect(error.errors).toEqual([{ path: "culprit", message: "is not a known field" }]);
  });

  it("refuses an incident that does not exist", async () => {
    const ctx = buildCtx(testDb.db);

    const error = await rejection(addTimelineEntry(ctx, "INC-999999", { text: "Nobody home" }));

    expect(error.code).toBe("NOT_FOUND");
  });
});
