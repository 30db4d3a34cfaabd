import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { publishPostmortem } from "./publish-postmortem.ts";
import { submitForReview } from "./submit-for-review.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-03-20T10:00:00Z") });
});
afterAll(() => testDb.destroy());

async function draftKey(): Promise<string> {
  return (await buildIncident(ctx)).key;
}

describe("submitForReview", () => {
  it("moves a draft to in review and bumps the version", async () => {
    const key = await draftKey();
    const submitted = await submitForReview(ctx, key, 1);
    expect(submitted).toMatchObject({ status: "in_review", version: 2, updatedAt: "2026-03-20T10:00:00Z" });
  });

  it("refuses anything but a draft", async () => {
    const key = await draftKey();
    await submitForReview(ctx, key);
    await expect(submitForReview(ctx, key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "status", message: "is in_review, not draft" }],
    });
    await updatePostmortem(ctx, key, { rootCause: "Leak", detection: "Alert", resolution: "Rollback" });
    await updateMeeting(ctx, key, { heldAt: "2026-03-19T14:00:00Z", attendees: [{ name: "Priya" }] });
    await publishPostmortem(ctx, key, { noActionItemsReason: "Upstream outage" });
    await expect(submitForReview(ctx, key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "status", message: "is published, not draft" }],
    });
  });

  it("refuses a stale version", async () => {
    const key = await draftKey();
    await expect(submitForReview(ctx, key, 7)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).status).toBe("draft");
  });

  it("fails for an unknown incident", async () => {
    await expect(submitForReview(ctx, "INC-99999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
