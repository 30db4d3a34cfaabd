import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { getPostmortemOrThrow } from "./postmortem.repository.ts";
import { updatePostmortem } from "./update-postmortem.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-19T10:00:00Z") });
});
afterAll(() => testDb.destroy());

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("getPostmortemOrThrow", () => {
  it("gives every new incident an empty draft with the whole checklist unticked", async () => {
    const incident = await buildIncident(ctx);
    const pm = await getPostmortemOrThrow(testDb.db, incident.key);
    expect(pm).toMatchObject({
      incidentKey: incident.key,
      status: "draft",
      required: { decision: "always", reasons: ["severity P2"], override: null, reason: null },
      summary: "",
      contributingFactors: [],
      lessons: { wentWell: [], toImprove: [] },
      appendix: [],
      meeting: null,
      version: 1,
    });
    expect(pm.checklist.length).toBeGreaterThan(10);
    expect(pm.checklist.every((c) => c.tickedAt === null && c.tickedBy === null)).toBe(true);
  });

  it("measures the time to detect from the incident's start, null until detected", async () => {
    const undetected = await buildIncident(ctx, { startedAt: "2026-03-18T14:02:00Z" });
    const detected = await buildIncident(ctx, {
      startedAt: "2026-03-18T14:02:00Z",
      detectedAt: "2026-03-18T14:09:30Z",
    });
    expect((await getPostmortemOrThrow(testDb.db, undetected.key)).timeToDetectSeconds).toBeNull();
    expect((await getPostmortemOrThrow(testDb.db, detected.key)).timeToDetectSeconds).toBe(450);
  });

  it("answers NOT_FOUND for an incident that does not exist", async () => {
    expect((await failure(getPostmortemOrThrow(testDb.db, "INC-99999"))).code).toBe("NOT_FOUND");
  });
});

describe("updatePostmortem", () => {
  it("stores every section and reads it back", async () => {
    const incident = await buildIncident(ctx);
    const saved = await updatePostmortem(ctx, incident.key, {
      summary: "Checkout failed for a third of EU customers.",
      rootCause: "A connection leak exhausted the database pool.",
      detection: "An error-rate alert paged the on-call engineer.",
      resolution: "Restarted the pods and rolled back the release.",
      contributingFactors: ["No alert on pool saturation", "Release went out on a Friday"],
      lessons: { wentWell: ["Rollback took five minutes"], toImprove: ["Alert fired late"] },
      appendix: [{ title: "Dashboard", url: "https://grafana.example.com/d/checkout" }],
      required: { decision: "always", reason: "P1 with customer impact" },
    });
    const read = await getPostmortemOrThrow(testDb.db, incident.key);
    expect(read).toEqual(saved);
    expect(read).toMatchObject({
      summary: "Checkout failed for a third of EU customers.",
      rootCause: "A connection leak exhausted the database pool.",
      detection: "An error-rate alert paged the on-call engineer.",
      resolution: "Restarted the pods and rolled back the release.",
      contributingFactors: ["No alert on pool saturation", "Release went out on a Friday"],
      lessons: { wentWell: ["Rollback took five minutes"], toImprove: ["Alert fired late"] },
      appendix: [{ title: "Dashboard", url: "https://grafana.example.com/d/checkout" }],
      required: { decision: "always", reason: "P1 with customer impact" },
      version: 2,
      updatedAt: "2026-03-19T10:00:00Z",
    });
  });

  it("replaces a list in the order given and leaves the lists that were not sent alone", async () => {
    const incident = await buildIncident(ctx);
    await updatePostmortem(ctx, incident.key, {
      contributingFactors: ["first", "second", "third"],
      lessons: { wentWell: ["calm hand-over"], toImprove: ["slow paging"] },
    });
    const pm = await updatePostmortem(ctx, incident.key, {
      contributingFactors: ["third", "first"],
      lessons: { toImprove: ["noisy alerts", "slow paging"] },
    });
    expect(pm.contributingFactors).toEqual(["third", "first"]);
    expect(pm.lessons).toEqual({ wentWell: ["calm hand-over"], toImprove: ["noisy alerts", "slow paging"] });

    const cleared = await updatePostmortem(ctx, incident.key, { contributingFactors: [] });
    expect(cleared.contributingFactors).toEqual([]);
    expect(cleared.lessons.wentWell).toEqual(["calm hand-over"]);
  });

  it("bumps the version once per edit, however many fields change", async () => {
    const incident = await buildIncident(ctx);
    const pm = await updatePostmortem(ctx, incident.key, {
      summary: "s",
      contributingFactors: ["a", "b"],
      appendix: [{ title: "Logs", url: "https://logs.example.com/q" }],
    });
    expect(pm.version).toBe(2);
    expect((await updatePostmortem(ctx, incident.key, { rootCause: "r" })).version).toBe(3);
  });

  it("refuses a javascript: appendix link, naming the field path, and stores nothing", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(
      updatePostmortem(ctx, incident.key, {
        summary: "should not be saved",
        appendix: [
          { title: "Dashboard", url: "https://grafana.example.com" },
          { title: "Runbook", url: "http://wiki.internal/runbook" },
          { title: "Click me", url: "javascript:alert(document.cookie)" },
        ],
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.errors.map((e) => e.path)).toEqual(["appendix.2.url"]);
    const pm = await getPostmortemOrThrow(testDb.db, incident.key);
    expect(pm.summary).toBe("");
    expect(pm.appendix).toEqual([]);
  });

  it("refuses other schemes and empty list items with their paths", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(
      updatePostmortem(ctx, incident.key, {
        contributingFactors: ["real factor", "   "],
        appendix: [{ title: "", url: "ftp://files.example.com/dump" }],
      }),
    );
    expect(error.errors.map((e) => e.path).sort()).toEqual([
      "appendix.0.title",
      "appendix.0.url",
      "contributingFactors.1",
    ]);
  });

  it("needs a reason with a decision, and clears both when the decision is null", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(updatePostmortem(ctx, incident.key, { required: { decision: "skip" } }));
    expect(error.errors).toEqual([
      { path: "required.reason", message: "is required when decision is given" },
    ]);

    await updatePostmortem(ctx, incident.key, { required: { decision: "skip", reason: "false alarm" } });
    const cleared = await updatePostmortem(ctx, incident.key, { required: { decision: null } });
    expect(cleared.required).toMatchObject({ override: null, reason: null, decision: "always" });
  });

  it("refuses fields it does not know", async () => {
    const incident = await buildIncident(ctx);
    const error = await failure(updatePostmortem(ctx, incident.key, { culprit: "Sam" } as never));
    expect(error.errors).toEqual([{ path: "culprit", message: "is not a known field" }]);
  });

  it("refuses a stale version with PRECONDITION_FAILED and changes nothing", async () => {
    const incident = await buildIncident(ctx);
    await updatePostmortem(ctx, incident.key, { summary: "first", contributingFactors: ["kept"] }, 1);
    const error = await failure(
      updatePostmortem(ctx, incident.key, { summary: "second", contributingFactors: ["lost"] }, 1),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    const pm = await getPostmortemOrThrow(testDb.db, incident.key);
    expect(pm).toMatchObject({ summary: "first", contributingFactors: ["kept"], version: 2 });
  });

  it("still edits a published post-mortem", async () => {
    const incident = await buildIncident(ctx);
    const { postmortemId } = await testDb.db
      .selectFrom("postmortems")
      .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
      .select("postmortems.id as postmortemId")
      .where("incidents.number", "=", Number(incident.key.slice(4)))
      .executeTakeFirstOrThrow();
    await testDb.db
      .updateTable("postmortems")
      .set({ status: "published", publishedAt: "2026-03-19T09:00:00Z" })
      .where("id", "=", postmortemId)
      .execute();
    const pm = await updatePostmortem(ctx, incident.key, { resolution: "Corrected after publishing" });
    expect(pm).toMatchObject({ status: "published", resolution: "Corrected after publishing" });
  });
});
