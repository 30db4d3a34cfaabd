import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { createExternalVersion } from "./create-external-version.ts";
import { dismissRedactionFlag } from "./dismiss-redaction-flag.ts";
import { getExternalVersion } from "./get-external-version.ts";
import { RedactionFlagKinds } from "./external-version.ts";
import { RedactionKinds } from "./redaction/index.ts";
import { updateExternalVersion } from "./update-external-version.ts";

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  const clock = fixedClock("2026-03-20T10:00:00Z");
  ctx = buildCtx(testDb.db, { clock, actor: (await buildUser(testDb.db, "editor", clock)).actor });
});
afterAll(() => testDb.destroy());

const LEAKY = "Write to ops@example.com if the address 10.20.30.40 still fails.";

async function leakyVersion() {
  const incident = await buildIncident(ctx, { customerImpact: true });
  await createExternalVersion(ctx, incident.key, { title: "Payments failed", summary: LEAKY });
  return incident.key;
}

describe("getExternalVersion", () => {
  it("knows every kind of finding the redaction check reports", () => {
    expect([...RedactionFlagKinds]).toEqual([...RedactionKinds]);
  });

  it("flags e-mail and IP addresses in the text, with where they are, all open", async () => {
    const key = await leakyVersion();
    const version = await getExternalVersion(ctx, key);
    const email = version.flags.find((f) => f.kind === "email");
    const ip = version.flags.find((f) => f.kind === "ip");
    expect(email).toMatchObject({ field: "summary", match: "ops@example.com", dismissed: null });
    expect(LEAKY.slice(email!.start, email!.end)).toBe("ops@example.com");
    expect(ip).toMatchObject({ field: "summary", match: "10.20.30.40", dismissed: null });
    expect(version.openFlags).toBe(version.flags.length);
    expect(version.openFlags).toBeGreaterThanOrEqual(2);
  });

  it("flags the display name of a Hindsight user", async () => {
    await testDb.db
      .updateTable("users")
      .set({ name: "Priya Ramaswamy" })
      .where("email", "like", "editor-%")
      .execute();
    const incident = await buildIncident(ctx, { customerImpact: true });
    await createExternalVersion(ctx, incident.key, { changes: "Priya Ramaswamy will add an alert." });
    const version = await getExternalVersion(ctx, incident.key);
    expect(version.flags).toContainEqual(
      expect.objectContaining({ field: "changes", kind: "person", match: "Priya Ramaswamy" }),
    );
  });
});

describe("dismissRedactionFlag", () => {
  it("marks the flag dismissed with who and why, and counts it no longer open", async () => {
    const key = await leakyVersion();
    const before = await getExternalVersion(ctx, key);
    const after = await dismissRedactionFlag(ctx, key, {
      field: "summary",
      kind: "email",
      match: "ops@example.com",
      reason: "Our public support address",
    });
    expect(after.flags.find((f) => f.kind === "email")?.dismissed).toEqual({
      reason: "Our public support address",
      by: ctx.actor.name,
      at: "2026-03-20T10:00:00Z",
    });
    expect(after.openFlags).toBe(before.openFlags - 1);
    expect(after.version).toBe(before.version + 1);
  });

  it("keeps the flag dismissed while the flagged words stay, and checks them again once they were removed", async () => {
    const key = await leakyVersion();
    const dismissed = await dismissRedactionFlag(ctx, key, {
      field: "summary",
      kind: "email",
      match: "ops@example.com",
      reason: "Our public support address",
    });
    const edited = await updateExternalVersion(ctx, key, { summary: `${LEAKY} Sorry.` }, dismissed.version);
    expect(edited.flags.find((f) => f.kind === "email")?.dismissed).not.toBeNull();

    const removed = await updateExternalVersion(ctx, key, { summary: "It failed." }, edited.version);
    expect(removed.flags).toEqual([]);
    const back = await updateExternalVersion(ctx, key, { summary: LEAKY }, removed.version);
    expect(back.flags.find((f) => f.kind === "email")?.dismissed).toBeNull();
  });

  it("refuses an empty reason, naming reason, and changes nothing", async () => {
    const key = await leakyVersion();
    const input = { field: "summary", kind: "email", match: "ops@example.com", reason: "  " } as const;
    await expect(dismissRedactionFlag(ctx, key, input)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "reason" }],
    });
    expect((await getExternalVersion(ctx, key)).flags.every((f) => f.dismissed === null)).toBe(true);
  });

  it("refuses a flag that is not open, naming match", async () => {
    const key = await leakyVersion();
    const input = { field: "summary", kind: "email", match: "nobody@example.com", reason: "fine" } as const;
    await expect(dismissRedactionFlag(ctx, key, input)).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "match" }],
    });
    const wrongField = { ...input, field: "title", match: "ops@example.com" } as const;
    await expect(dismissRedactionFlag(ctx, key, wrongField)).rejects.toMatchObject({
      errors: [{ path: "match" }],
    });
    const once = { ...input, match: "ops@example.com" };
    await dismissRedactionFlag(ctx, key, once);
    await expect(dismissRedactionFlag(ctx, key, once)).rejects.toMatchObject({ errors: [{ path: "match" }] });
  });
});
