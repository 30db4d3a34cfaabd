import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import type { Ctx } from "../shared/context.ts";
import { createChannel } from "./create-channel.ts";
import { deleteChannel } from "./delete-channel.ts";
import { listChannels } from "./channel.repository.ts";
import { updateChannel } from "./update-channel.ts";

let t: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestDb();
  ctx = buildCtx(t.db);
});
afterAll(() => t.destroy());

const SECRET = "a-long-shared-secret-0123456789";

describe("createChannel", () => {
  it("normalises an e-mail channel's addresses and subscribes to publications by default", async () => {
    const channel = await createChannel(ctx, {
      name: "leads",
      kind: "email",
      target: " Ops@Example.com,lead@example.com , ops@example.com",
    });
    expect(channel).toMatchObject({
      target: "ops@example.com, lead@example.com",
      events: ["postmortem.published"],
      enabled: true,
      hasSecret: false,
      version: 1,
    });
  });

  it("refuses a target that is not http(s) or not e-mail, naming the field", async () => {
    await expect(
      createChannel(ctx, { name: "x1", kind: "slack", target: "ftp://hooks.example.com/x" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      errors: [{ path: "target", message: expect.stringContaining("http") }],
    });
    await expect(
      createChannel(ctx, { name: "x2", kind: "email", target: "ops@example.com, not-an-address" }),
    ).rejects.toMatchObject({
      errors: [{ path: "target", message: expect.stringContaining("not-an-address") }],
    });
  });

  it("requires a secret for a webhook and refuses one for other kinds", async () => {
    await expect(
      createChannel(ctx, { name: "w", kind: "webhook", target: "https://example.com/hook" }),
    ).rejects.toMatchObject({
      errors: [{ path: "secret" }],
    });
    await expect(
      createChannel(ctx, { name: "s", kind: "slack", target: "https://hooks.example.com/x", secret: SECRET }),
    ).rejects.toMatchObject({
      errors: [{ path: "secret" }],
    });
    const hook = await createChannel(ctx, {
      name: "w",
      kind: "webhook",
      target: "https://example.com/hook",
      secret: SECRET,
    });
    expect(hook.hasSecret).toBe(true);
    expect(JSON.stringify(hook)).not.toContain(SECRET);
  });

  it("refuses a second channel with the same name", async () => {
    await createChannel(ctx, { name: "dup", kind: "slack", target: "https://hooks.example.com/a" });
    await expect(
      createChannel(ctx, { name: "dup", kind: "slack", target: "https://hooks.example.com/b" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("updateChannel", () => {
  it("changes what is given, bumps the version and refuses a stale one", async () => {
    const channel = await createChannel(ctx, {
      name: "ops",
      kind: "slack",
      target: "https://hooks.example.com/ops",
    });
    const updated = await updateChannel(
      ctx,
      channel.id,
      { events: ["meeting_due", "meeting_due", "postmortem.closed"], enabled: false },
      1,
    );
    expect(updated).toMatchObject({
      events: ["meeting_due", "postmortem.closed"],
      enabled: false,
      version: 2,
      target: channel.target,
    });
    await expect(updateChannel(ctx, channel.id, { enabled: true }, 1)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(updateChannel(ctx, channel.id, { target: "javascript:alert(1)" })).rejects.toMatchObject({
      errors: [{ path: "target" }],
    });
  });
});

describe("deleteChannel", () => {
  it("removes the channel", async () => {
    const channel = await createChannel(ctx, {
      name: "gone",
      kind: "slack",
      target: "https://hooks.example.com/g",
    });
    await deleteChannel(ctx, channel.id);
    expect((await listChannels(t.db)).map((c) => c.name)).not.toContain("gone");
    await expect(deleteChannel(ctx, channel.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
