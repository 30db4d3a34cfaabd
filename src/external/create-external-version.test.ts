import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser, type TestUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { createExternalVersion, describeDuration } from "./create-external-version.ts";
import { getExternalVersion } from "./get-external-version.ts";

let testDb: TestDb;
let author: TestUser;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  const clock = fixedClock("2026-03-20T10:00:00Z");
  author = await buildUser(testDb.db, "editor", clock);
  ctx = buildCtx(testDb.db, { clock, actor: author.actor });
});
afterAll(() => testDb.destroy());

describe("createExternalVersion", () => {
  it("starts a blank draft whose only text is the duration worked out from the incident's times", async () => {
    const incident = await buildIncident(ctx, {
      customerImpact: true,
      status: "resolved",
      startedAt: "2026-03-18T14:00:00Z",
      mitigatedAt: "2026-03-18T14:42:00Z",
      resolvedAt: "2026-03-18T16:00:00Z",
      impact: "INTERNAL impact text about db-7",
    });
    await updatePostmortem(ctx, incident.key, { summary: "INTERNAL summary", rootCause: "INTERNAL cause" });

    const created = await createExternalVersion(ctx, incident.key);

    expect(created).toMatchObject({
      incidentKey: incident.key,
      title: "",
      summary: "",
      impact: "",
      duration: "about 42 minutes",
      changes: "",
      status: "draft",
      author: { id: author.id },
      approvedBy: null,
      publication: null,
      version: 1,
    });
    expect(JSON.stringify(created)).not.toContain("INTERNAL");
    expect(await getExternalVersion(ctx, incident.key)).toEqual(created);
  });

  it("takes the texts it is given, and leaves the duration blank while the incident is still open", async () => {
    const incident = await buildIncident(ctx, { customerImpact: true });
    const created = await createExternalVersion(ctx, incident.key, { title: "Payments were failing" });
    expect(created.title).toBe("Payments were failing");
    expect(created.duration).toBe("");
  });

  it("refuses an incident that did not affect customers, naming customerImpact", async () => {
    const incident = await buildIncident(ctx, { customerImpact: false });
    await expect(createExternalVersion(ctx, incident.key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "customerImpact" }],
    });
    await expect(getExternalVersion(ctx, incident.key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a second external version for the same incident", async () => {
    const incident = await buildIncident(ctx, { customerImpact: true });
    await createExternalVersion(ctx, incident.key, { title: "First" });
    await expect(createExternalVersion(ctx, incident.key, { title: "Second" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await getExternalVersion(ctx, incident.key)).title).toBe("First");
  });

  it("refuses unknown fields and names them", async () => {
    const incident = await buildIncident(ctx, { customerImpact: true });
    await expect(createExternalVersion(ctx, incident.key, { rootCause: "x" } as never)).rejects.toMatchObject(
      { code: "VALIDATION", errors: [{ path: "rootCause" }] },
    );
  });

  it("answers NOT_FOUND for an unknown incident", async () => {
    await expect(createExternalVersion(ctx, "INC-99999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("describeDuration", () => {
  it("says it the way a customer would read it", () => {
    expect(describeDuration(0.2)).toBe("about 1 minute");
    expect(describeDuration(42)).toBe("about 42 minutes");
    expect(describeDuration(60)).toBe("about 1 hour");
    expect(describeDuration(125)).toBe("about 2 hours 5 minutes");
    expect(describeDuration(3 * 24 * 60 + 100)).toBe("about 3 days");
  });
});
