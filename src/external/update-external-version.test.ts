import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { approveExternalVersion } from "./approve-external-version.ts";
import { createExternalVersion } from "./create-external-version.ts";
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
  summary: "Some card payments failed.",
  impact: "Customers could not pay by card.",
  duration: "about 42 minutes",
  changes: "We are adding capacity.",
};

async function approved() {
  const incident = await buildIncident(author, { customerImpact: true });
  await createExternalVersion(author, incident.key, CLEAN);
  return { key: incident.key, version: await approveExternalVersion(reviewer, incident.key) };
}

describe("updateExternalVersion", () => {
  it("changes the texts it is given and keeps the others", async () => {
    const incident = await buildIncident(author, { customerImpact: true });
    const created = await createExternalVersion(author, incident.key, CLEAN);
    const updated = await updateExternalVersion(
      author,
      incident.key,
      { title: "Cards declined" },
      created.version,
    );
    expect(updated).toMatchObject({ ...CLEAN, title: "Cards declined", version: created.version + 1 });
  });

  it("returns an approved version to draft and forgets its approval when the text changes", async () => {
    const { key, version } = await approved();
    const edited = await updateExternalVersion(
      author,
      key,
      { impact: "Some could not pay." },
      version.version,
    );
    expect(edited).toMatchObject({ status: "draft", approvedBy: null, approvedAt: null });
  });

  it("keeps an approved version approved when nothing actually changes", async () => {
    const { key, version } = await approved();
    const same = await updateExternalVersion(author, key, { title: CLEAN.title }, version.version);
    expect(same).toMatchObject({ status: "approved", version: version.version });
  });

  it("makes the editor the last editor, who then may not approve, nor may the author", async () => {
    const { key, version } = await approved();
    const edited = await updateExternalVersion(reviewer, key, { changes: "More capacity." }, version.version);
    await expect(approveExternalVersion(reviewer, key, edited.version)).rejects.toMatchObject({
      errors: [{ path: "approvedBy" }],
    });
    await expect(approveExternalVersion(author, key)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await approveExternalVersion(third, key)).status).toBe("approved");
  });

  it("refuses a stale version and changes nothing", async () => {
    const { key, version } = await approved();
    await expect(
      updateExternalVersion(author, key, { title: "Late" }, version.version - 1),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const again = await updateExternalVersion(author, key, {}, version.version);
    expect(again).toMatchObject({ title: CLEAN.title, status: "approved" });
  });

  it("refuses a title over 200 characters, naming it", async () => {
    const { key } = await approved();
    await expect(updateExternalVersion(author, key, { title: "x".repeat(201) })).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "title" }],
    });
  });

  it("answers NOT_FOUND when the incident has no external version", async () => {
    const incident = await buildIncident(author, { customerImpact: true });
    await expect(updateExternalVersion(author, incident.key, { title: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
