import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { approveExternalVersion } from "./approve-external-version.ts";
import { createExternalVersion } from "./create-external-version.ts";
import { dismissRedactionFlag } from "./dismiss-redaction-flag.ts";
import { getExternalVersion } from "./get-external-version.ts";
import { updateExternalVersion } from "./update-external-version.ts";

let testDb: TestDb;
let author: Ctx;
let reviewer: Ctx;
let third: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  const clock = fixedClock("2026-03-20T10:00:00Z");
  const as = async () =>
    buildCtx(testDb.db, { clock, actor: (await buildUser(testDb.db, "editor", clock)).actor });
  [author, reviewer, third] = [await as(), await as(), await as()];
});
afterAll(() => testDb.destroy());

const CLEAN = {
  title: "Card payments failed",
  summary: "Some card payments failed because a database ran out of connections.",
  impact: "Customers in Europe could not pay by card.",
  duration: "about 42 minutes",
  changes: "We are adding capacity and an earlier warning.",
};

async function draft(texts: Partial<typeof CLEAN> = {}) {
  const incident = await buildIncident(author, { customerImpact: true });
  await createExternalVersion(author, incident.key, { ...CLEAN, ...texts });
  return incident.key;
}

describe("approveExternalVersion", () => {
  it("lets someone other than the author approve a clean draft, recording who and when", async () => {
    const key = await draft();
    const approved = await approveExternalVersion(reviewer, key);
    expect(approved).toMatchObject({
      status: "approved",
      approvedBy: { name: reviewer.actor.name },
      approvedAt: "2026-03-20T10:00:00Z",
      openFlags: 0,
    });
  });

  it("refuses the author, naming approvedBy", async () => {
    const key = await draft();
    await expect(approveExternalVersion(author, key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "approvedBy", message: expect.stringContaining("someone other than its author") }],
    });
    expect((await getExternalVersion(author, key)).status).toBe("draft");
  });

  it("refuses the last editor even when someone else wrote it first", async () => {
    const key = await draft();
    const read = await getExternalVersion(reviewer, key);
    await updateExternalVersion(reviewer, key, { impact: "Customers could not pay by card." }, read.version);
    await expect(approveExternalVersion(reviewer, key)).rejects.toMatchObject({
      errors: [{ path: "approvedBy" }],
    });
    expect((await approveExternalVersion(third, key)).status).toBe("approved");
  });

  it("refuses an operator who is not a signed-in person", async () => {
    const key = await draft();
    const cli = buildCtx(testDb.db);
    await expect(approveExternalVersion(cli, key)).rejects.toMatchObject({
      errors: [{ path: "approvedBy" }],
    });
  });

  it("lists every open redaction flag as flags.<i>, and approves once they are dismissed or fixed", async () => {
    const key = await draft({ summary: "Write to ops@example.com about 10.20.30.40." });
    const read = await getExternalVersion(author, key);
    const error = await approveExternalVersion(reviewer, key).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    const paths = (error as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(read.flags.map((_, i) => `flags.${i}`));

    await dismissRedactionFlag(author, key, {
      field: "summary",
      kind: "email",
      match: "ops@example.com",
      reason: "Our public support address",
    });
    await expect(approveExternalVersion(reviewer, key)).rejects.toMatchObject({ code: "CONFLICT" });
    const current = await getExternalVersion(author, key);
    await updateExternalVersion(author, key, { summary: "Write to ops@example.com." }, current.version);
    const approved = await approveExternalVersion(reviewer, key);
    expect(approved).toMatchObject({ status: "approved", openFlags: 0 });
    expect(approved.flags).toHaveLength(1);
  });

  it("refuses while a text customers need is empty, naming it", async () => {
    const key = await draft({ changes: "  " });
    await expect(approveExternalVersion(reviewer, key)).rejects.toMatchObject({
      errors: [{ path: "changes" }],
    });
  });

  it("refuses a version that is already approved, and a stale version", async () => {
    const key = await draft();
    const read = await getExternalVersion(author, key);
    await approveExternalVersion(reviewer, key, read.version);
    await expect(approveExternalVersion(third, key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "status" }],
    });
    const other = await draft();
    await expect(approveExternalVersion(reviewer, other, 99)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});
