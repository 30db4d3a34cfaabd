import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updateProcessSettings } from "../process/settings.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { createChannel } from "./create-channel.ts";
import { runReminders } from "./run-reminders.ts";

let t: TestDb;
let clock: ReturnType<typeof fixedClock>;
let ctx: Ctx;

beforeEach(async () => {
  await t?.destroy();
  t = await createTestDb();
  clock = fixedClock("2026-03-18T16:00:00Z");
  ctx = buildCtx(t.db, { clock });
});
afterAll(() => t.destroy());

const run = () => runReminders({ db: t.db, clock, publicUrl: "https://hindsight.example.com" });

async function deliveries() {
  return t.db.selectFrom("deliveries").selectAll().orderBy("dedupeKey").execute();
}

async function resolvedIncident(resolvedAt = "2026-03-18T15:00:00Z", editorCtx = ctx) {
  const startedAt = new Date(Date.parse(resolvedAt) - 60 * 60 * 1000).toISOString().replace(".000", "");
  return buildIncident(editorCtx, { status: "resolved", startedAt, resolvedAt });
}

describe("runReminders", () => {
  it("reminds the meeting's facilitator and attendees once the meeting is due, and only once", async () => {
    const facilitator = await buildUser(t.db, "editor", clock);
    const incident = await resolvedIncident();
    await updateMeeting(ctx, incident.key, {
      facilitator: facilitator.actor.name.toUpperCase(),
      attendees: [{ name: "Sam", email: "sam@example.com" }, { name: "Nobody" }],
    });

    clock.set("2026-03-19T14:59:00Z");
    expect((await run()).reminders).toBe(0);
    clock.set("2026-03-19T15:00:00Z");
    expect(await run()).toEqual({ reminders: 1, deliveries: 2 });
    clock.advance(60 * 60 * 1000);
    expect(await run()).toEqual({ reminders: 0, deliveries: 0 });

    const rows = await deliveries();
    expect(rows.map((d) => d.target).sort()).toEqual([facilitator.email, "sam@example.com"].sort());
    expect(rows[0]!.dedupeKey).toContain(`meeting_due:${incident.key}:2026-03-19`);
    const message = JSON.parse(rows[0]!.body) as { text: string; link: string };
    expect(message.text).toContain(incident.key);
    expect(message.text).toContain("2026-03-19 15:00 UTC");
    expect(message.link).toBe(`https://hindsight.example.com/incidents/${incident.key}`);
  });

  it("falls back to the incident's creator when the meeting names nobody reachable", async () => {
    const editor = await buildUser(t.db, "editor", clock);
    await resolvedIncident("2026-03-18T15:00:00Z", { ...ctx, actor: editor.actor });
    clock.set("2026-03-19T16:00:00Z");
    await run();
    expect((await deliveries()).map((d) => d.target)).toEqual([editor.email]);
  });

  it("reminds to publish in the last day before the week is up, and not once it is published", async () => {
    const a = await resolvedIncident();
    const b = await resolvedIncident();
    await t.db
      .updateTable("postmortems")
      .set({ status: "published", publishedAt: "2026-03-20T10:00:00Z" })
      .where(
        "incidentId",
        "in",
        t.db
          .selectFrom("incidents")
          .select("id")
          .where("number", "=", Number(b.key.slice(4))),
      )
      .execute();
    await updateMeeting(ctx, a.key, {
      heldAt: "2026-03-18T16:00:00Z",
      attendees: [{ name: "Sam", email: "sam@example.com" }],
    });
    await updateMeeting(ctx, b.key, { attendees: [{ name: "Kim", email: "kim@example.com" }] });
    clock.set("2026-03-24T14:59:00Z");
    await run();
    expect(await deliveries()).toEqual([]);
    clock.set("2026-03-24T15:00:00Z");
    await run();
    const rows = await deliveries();
    expect(rows.map((d) => [d.dedupeKey, d.target])).toEqual([
      [`reminder:publish_due:${a.key}:2026-03-25:email:sam@example.com`, "sam@example.com"],
    ]);
  });

  it("sends nothing for incidents resolved long before Hindsight first ran", async () => {
    await resolvedIncident("2026-01-02T10:00:00Z");
    const recent = await resolvedIncident("2026-03-17T10:00:00Z");
    await run();
    expect((await t.db.selectFrom("reminders").select("key").execute()).map((r) => r.key)).toEqual([
      `meeting_due:${recent.key}:2026-03-18`,
    ]);
  });

  it("reminds an action item's owner two days ahead, then weekly while it is overdue", async () => {
    const owner = await buildUser(t.db, "editor", clock);
    const incident = await buildIncident(ctx);
    const item = await createActionItem(ctx, incident.key, {
      title: "Alert on pool saturation",
      owner: owner.email.toUpperCase(),
      dueDate: "2026-03-25",
    });
    await createActionItem(ctx, incident.key, {
      title: "Nobody we know",
      owner: "someone else",
      dueDate: "2026-03-25",
    });
    const keys = async () =>
      (await t.db.selectFrom("reminders").select("key").orderBy("key").execute()).map((r) => r.key);

    for (let day = 18; day <= 31; day += 1) {
      clock.set(`2026-03-${day}T09:00:00Z`);
      await run();
      await run();
    }
    clock.set("2026-04-02T09:00:00Z");
    await run();
    expect((await keys()).filter((k) => k.includes(`:${item.id}:`))).toEqual([
      `action_item_due_soon:${item.id}:2026-03-25`,
      `action_item_overdue:${item.id}:2026-03-26`,
      `action_item_overdue:${item.id}:2026-04-02`,
    ]);
    const rows = await deliveries();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((d) => d.target))).toEqual(new Set([owner.email]));
    expect(rows.map((d) => d.subject)).toContain("Action item due 2026-03-25: Alert on pool saturation");
  });

  it("follows the reminder settings admins store", async () => {
    const owner = await buildUser(t.db, "editor", clock);
    const incident = await buildIncident(ctx);
    await createActionItem(ctx, incident.key, {
      title: "Add a runbook",
      owner: owner.actor.name,
      dueDate: "2026-03-25",
    });
    clock.set("2026-03-23T09:00:00Z");
    await updateProcessSettings(ctx, { reminders: { actionItemDueSoonDays: 1 } });
    expect((await run()).reminders).toBe(0);
    clock.set("2026-03-24T09:00:00Z");
    expect((await run()).reminders).toBe(1);
  });

  it("also queues the reminder for every enabled channel subscribed to its kind", async () => {
    await createChannel(ctx, {
      name: "ops",
      kind: "slack",
      target: "https://hooks.example.com/T1",
      events: ["meeting_due"],
    });
    await createChannel(ctx, {
      name: "quiet",
      kind: "slack",
      target: "https://hooks.example.com/T2",
      events: ["meeting_due"],
      enabled: false,
    });
    await createChannel(ctx, {
      name: "other",
      kind: "email",
      target: "team@example.com",
      events: ["publish_due"],
    });
    const incident = await resolvedIncident();
    clock.set("2026-03-19T16:00:00Z");
    await run();
    expect((await deliveries()).map((d) => [d.channelKind, d.target])).toEqual([
      ["slack", "https://hooks.example.com/T1"],
    ]);
    expect((await deliveries())[0]!.dedupeKey).toMatch(
      new RegExp(`^reminder:meeting_due:${incident.key}:2026-03-19:channel:\\d+$`),
    );
  });
});
