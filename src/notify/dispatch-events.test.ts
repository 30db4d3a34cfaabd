import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { createChannel } from "./create-channel.ts";
import { dispatchEvents } from "./dispatch-events.ts";
import { recordEvent } from "./events.ts";
import type { Message } from "./message.ts";

let t: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestDb();
  ctx = buildCtx(t.db);
});
afterAll(() => t.destroy());

describe("dispatchEvents", () => {
  it("queues one delivery per subscribed channel, once, with title, severity, summary and link", async () => {
    const incident = await buildIncident(ctx, { title: "Checkout down", severity: "P1" });
    await updatePostmortem(ctx, incident.key, { summary: "A pool ran dry for 40 minutes." });
    await createChannel(ctx, { name: "eng", kind: "slack", target: "https://hooks.example.com/eng" });
    await createChannel(ctx, {
      name: "closures",
      kind: "slack",
      target: "https://hooks.example.com/c",
      events: ["postmortem.closed"],
    });
    await recordEvent(t.db, {
      kind: "postmortem.published",
      subject: incident.key,
      occurredAt: "2026-03-18T16:00:00Z",
    });

    const deps = { db: t.db, clock: ctx.clock, publicUrl: "https://hindsight.example.com/" };
    const runs = await Promise.all([dispatchEvents(deps), dispatchEvents(deps), dispatchEvents(deps)]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(1);

    const rows = await t.db.selectFrom("deliveries").selectAll().execute();
    expect(rows.map((d) => d.target)).toEqual(["https://hooks.example.com/eng"]);
    const message = JSON.parse(rows[0]!.body) as Message;
    expect(message.title).toBe(`Post-mortem published: ${incident.key} Checkout down (P1)`);
    expect(message.text).toContain("A pool ran dry for 40 minutes.");
    expect(message.link).toBe(`https://hindsight.example.com/incidents/${incident.key}`);
    expect(await t.db.selectFrom("events").select("dispatchedAt").executeTakeFirstOrThrow()).toEqual({
      dispatchedAt: "2026-03-18T16:00:00Z",
    });
  });
});
