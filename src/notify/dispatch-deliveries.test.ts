import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildCtx } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import { createChannel } from "./create-channel.ts";
import { deleteChannel } from "./delete-channel.ts";
import { queueDeliveries, type DeliveryRow } from "./delivery.repository.ts";
import { BACKOFF_MINUTES, dispatchDeliveries, MAX_ATTEMPTS } from "./dispatch-deliveries.ts";
import type { Message } from "./message.ts";
import type { Sender } from "./sender.ts";

let t: TestDb;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  await t?.destroy();
  t = await createTestDb();
  clock = fixedClock("2026-03-18T16:00:00Z");
});
afterAll(() => t.destroy());

const message: Message = {
  eventId: "event-1",
  kind: "postmortem.published",
  subject: "INC-1",
  title: "Post-mortem published: INC-1",
  text: "Post-mortem published",
  link: null,
  occurredAt: "2026-03-18T16:00:00Z",
  data: {},
};

/** Records what it was asked to send; fails while `failing` says so. */
function fakeSender(failing: (attempt: number) => Error | undefined = () => undefined) {
  const sent: DeliveryRow[] = [];
  let attempt = 0;
  const sender: Sender = {
    async send(delivery) {
      attempt += 1;
      await new Promise((resolve) => setImmediate(resolve));
      const error = failing(attempt);
      if (error) throw error;
      sent.push(delivery);
    },
    close() {},
  };
  return { sender, sent };
}

async function queue(count = 1) {
  const nowIso = "2026-03-18T16:00:00Z";
  await queueDeliveries(
    t.db,
    Array.from({ length: count }, (_, i) => ({
      dedupeKey: `test:${i}`,
      channelKind: "email" as const,
      channelId: null,
      target: `person${i}@example.com`,
      message,
    })),
    nowIso,
  );
}

const rowOf = (key = "test:0") =>
  t.db.selectFrom("deliveries").selectAll().where("dedupeKey", "=", key).executeTakeFirstOrThrow();

describe("dispatchDeliveries", () => {
  it("sends a due delivery once and marks it sent", async () => {
    await queue();
    const { sender, sent } = fakeSender();
    expect(await dispatchDeliveries({ db: t.db, clock, sender })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await dispatchDeliveries({ db: t.db, clock, sender })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(sent).toHaveLength(1);
    expect(await rowOf()).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: "2026-03-18T16:00:00Z",
      lastError: null,
    });
  });

  it("retries after 1, 5, 30, 120 and 720 minutes, then fails for good with the last error", async () => {
    await queue();
    const { sender } = fakeSender((n) => new Error(`receiver down (${n})`));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await dispatchDeliveries({ db: t.db, clock, sender });
      const row = await rowOf();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe(`receiver down (${attempt})`);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        const wait = (Date.parse(row.nextAttemptAt) - clock.now().getTime()) / 60_000;
        waits.push(wait);
        clock.advance((wait - 1) * 60_000);
        await dispatchDeliveries({ db: t.db, clock, sender });
        expect((await rowOf()).attempts).toBe(attempt);
        clock.advance(60_000);
      } else {
        expect(row.status).toBe("failed");
      }
    }
    expect(waits).toEqual([...BACKOFF_MINUTES]);
  });

  it("lets only one of several racing dispatchers send each delivery", async () => {
    await queue(30);
    const { sender, sent } = fakeSender();
    const racers = Array.from({ length: 4 }, () => dispatchDeliveries({ db: t.db, clock, sender }));
    const runs = await Promise.all(racers);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(new Set(sent.map((d) => d.dedupeKey)).size).toBe(30);
    expect(sent).toHaveLength(30);
  });

  it("takes over a delivery whose sender stopped mid-way once its claim has run out", async () => {
    await queue();
    await t.db
      .updateTable("deliveries")
      .set({ status: "sending", lockedUntil: "2026-03-18T16:00:30Z", attempts: 1 })
      .execute();
    const { sender, sent } = fakeSender();
    await dispatchDeliveries({ db: t.db, clock, sender });
    expect(sent).toHaveLength(0);
    clock.advance(31_000);
    await dispatchDeliveries({ db: t.db, clock, sender });
    expect(sent).toHaveLength(1);
    expect(await rowOf()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("fails the unsent deliveries of a deleted channel instead of sending them", async () => {
    const ctx = buildCtx(t.db, { clock });
    const channel = await createChannel(ctx, {
      name: "ops",
      kind: "slack",
      target: "https://hooks.example.com/x",
    });
    await queueDeliveries(
      t.db,
      [{ dedupeKey: "c", channelKind: "slack", channelId: channel.id, target: channel.target, message }],
      "2026-03-18T16:00:00Z",
    );
    await deleteChannel(ctx, channel.id);
    const { sender, sent } = fakeSender();
    await dispatchDeliveries({ db: t.db, clock, sender });
    expect(sent).toEqual([]);
    expect(await rowOf("c")).toMatchObject({ status: "failed", lastError: 'the channel "ops" was deleted' });
  });
});
