import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionItem } from "../src/actions/create-action-item.ts";
import type { Db } from "../src/db/connect.ts";
import { createChannel } from "../src/notify/create-channel.ts";
import { recordEvent } from "../src/notify/events.ts";
import { runNotifyPass, startNotifier, type Notifier } from "../src/notify/notifier.ts";
import { createSender } from "../src/notify/sender.ts";
import { webhookSignature } from "../src/notify/webhook-signature.ts";
import { updateMeeting } from "../src/postmortems/update-meeting.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { buildCtx, buildIncident, buildUser, type TestUser } from "./factories.ts";
import { createTestDb, testDialect, type TestDb } from "./test-db.ts";

const DAY = 24 * 60 * 60 * 1000;
const START = "2026-03-06T00:00:00Z";
const ROUNDS = 63; // every 12 hours until 2026-04-06T00:00Z
const SECRET = "exactly-once-webhook-secret-0001";

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);

/** Every e-mail and post that arrived, as `receiver|to|event id`; a repeat shows up as a second entry. */
const arrivals: string[] = [];

async function startReceivers() {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address!));
        for (const address of to)
          arrivals.push(`email|${address}|${String(mail.headers.get("x-hindsight-event-id"))}`);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const http = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const id = String(request.headers["x-hindsight-event-id"]);
      if (request.url === "/hook") {
        const timestamp = String(request.headers["x-hindsight-timestamp"]);
        const valid = request.headers["x-hindsight-signature"] === webhookSignature(SECRET, timestamp, body);
        arrivals.push(`webhook||${valid ? id : `BAD SIGNATURE ${id}`}`);
      } else {
        arrivals.push(`slack||${id}`);
      }
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    httpUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

interface Scenario {
  /** `receiver|to|event id` for everything that must arrive once. */
  expected: string[];
  closeEvents(): Promise<void>;
}

/** Twelve resolved incidents and twenty-four action items, with the reminders the rules of README promise. */
async function buildScenario(db: Db, receivers: { httpUrl: string }): Promise<Scenario> {
  const clock = fixedClock(START);
  const ctx = buildCtx(db, { clock });
  const users: TestUser[] = [];
  for (let i = 0; i < 4; i += 1) users.push(await buildUser(db, "editor", clock));
  await createChannel(ctx, {
    name: "slack",
    kind: "slack",
    target: `${receivers.httpUrl}/slack`,
    events: [
      "meeting_due",
      "publish_due",
      "action_item_due_soon",
      "action_item_overdue",
      "postmortem.closed",
    ],
  });
  await createChannel(ctx, {
    name: "hook",
    kind: "webhook",
    target: `${receivers.httpUrl}/hook`,
    secret: SECRET,
    events: ["meeting_due", "action_item_overdue"],
  });
  await createChannel(ctx, {
    name: "team",
    kind: "email",
    target: "team@example.com",
    events: ["publish_due"],
  });

  const expected: string[] = [];
  const expect = (channels: string[], people: string[], eventId: string) => {
    for (const person of people) expected.push(`email|${person}|${eventId}`);
    for (const channel of channels)
      expected.push(
        channel === "team"
          ? `email|team@example.com|${eventId}`
          : `${channel === "hook" ? "webhook" : channel}||${eventId}`,
      );
  };
  const keys: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const resolvedMs = Date.parse("2026-03-01T00:00:00Z") + i * 9 * 60 * 60 * 1000;
    const creator = users[i % 4]!;
    const incident = await buildIncident(
      { ...ctx, actor: creator.actor },
      {
        status: "resolved",
        startedAt: new Date(resolvedMs - 3_600_000).toISOString().replace(".000", ""),
        resolvedAt: new Date(resolvedMs).toISOString().replace(".000", ""),
      },
    );
    keys.push(incident.key);
    const held = i % 3 === 0;
    const attendees =
      i % 2 === 0
        ? [
            { name: `Attendee ${i}`, email: `att${i}@example.com` },
            { name: users[0]!.actor.name.toUpperCase() },
          ]
        : [];
    await updateMeeting(ctx, incident.key, {
      attendees,
      ...(held ? { heldAt: "2026-03-05T23:00:00Z" } : {}),
    });
    const people = attendees.length > 0 ? [`att${i}@example.com`, users[0]!.email] : [creator.email];
    if (!held) expect(["slack", "hook"], people, `meeting_due:${incident.key}:${isoDate(resolvedMs + DAY)}`);
    expect(["slack", "team"], people, `publish_due:${incident.key}:${isoDate(resolvedMs + 7 * DAY)}`);
  }
  const lastDay = isoDate(Date.parse(START) + ((ROUNDS - 1) * DAY) / 2);
  for (let j = 0; j < 24; j += 1) {
    const owner = users[j % 4]!;
    const dueDate = addDays("2026-03-06", j);
    const ownerText =
      j % 4 === 3 ? "Outside Contractor" : j % 2 === 0 ? owner.email.toUpperCase() : owner.actor.name;
    const item = await createActionItem(ctx, keys[j % 12]!, {
      title: `Follow-up ${j}`,
      owner: ownerText,
      dueDate,
    });
    const people = j % 4 === 3 ? [] : [owner.email];
    expect(["slack"], people, `action_item_due_soon:${item.id}:${dueDate}`);
    for (let period = addDays(dueDate, 1); period <= lastDay; period = addDays(period, 7)) {
      expect(["slack", "hook"], people, `action_item_overdue:${item.id}:${period}`);
    }
  }
  return {
    expected,
    closeEvents: async () => {
      for (const key of keys.slice(0, 3)) {
        await recordEvent(db, {
          kind: "postmortem.closed",
          subject: key,
          occurredAt: "2026-03-20T00:00:00Z",
        });
      }
      const events = await db
        .selectFrom("events")
        .select("id")
        .where("kind", "=", "postmortem.closed")
        .execute();
      for (const event of events) expected.push(`slack||event-${event.id}`);
    },
  };
}

/**
 * Runs `instances` app instances (each its own notifier plus a second, independent loop) at the same
 * moments over a month, racing; then compares what arrived with what the rules promise.
 */
async function raceOverAMonth(t: TestDb, instances: Db[]) {
  arrivals.length = 0;
  const receivers = await startReceivers();
  const clock = fixedClock(START);
  const scenario = await buildScenario(t.db, receivers);
  const mail = { smtpUrl: receivers.smtpUrl, from: "Hindsight <hindsight@example.com>" };
  const notifiers: Notifier[] = instances.map((db) => startNotifier({ db, clock, mail, intervalSeconds: 0 }));
  const loops = instances.map((db) => ({ db, clock, sender: createSender(mail) }));
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round === 28) await scenario.closeEvents();
      await Promise.all([...notifiers.map((n) => n.tick()), ...loops.map((deps) => runNotifyPass(deps))]);
      clock.advance(DAY / 2);
    }
    await Promise.all(loops.map((deps) => runNotifyPass(deps)));
  } finally {
    await Promise.all(notifiers.map((n) => n.stop()));
    for (const loop of loops) loop.sender.close();
    await receivers.close();
  }
  return scenario.expected;
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((item) => (seen.has(item) ? true : (seen.add(item), false)));
}

describe.skipIf(testDialect !== "postgres")("reminders with three app instances on one PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("delivers every reminder and announcement exactly once: none twice, none missed", async () => {
    const expected = await raceOverAMonth(t, [t.connectAgain(), t.connectAgain(), t.connectAgain()]);
    expect(duplicates(expected)).toEqual([]);
    expect(duplicates(arrivals)).toEqual([]);
    expect([...arrivals].sort()).toEqual([...expected].sort());
    expect(arrivals.length).toBeGreaterThan(300);
    const reminders = await t.db
      .selectFrom("reminders")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    console.info(
      `three instances on PostgreSQL: ${Number(reminders.n)} reminders, ${arrivals.length} e-mails and posts, each once`,
    );
  }, 180_000);
});

describe.skipIf(testDialect !== "sqlite")("reminders with three loops on one SQLite connection", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("delivers every reminder and announcement exactly once: none twice, none missed", async () => {
    // An in-memory SQLite database has one connection, so the three loops share it, still concurrently.
    const expected = await raceOverAMonth(t, [t.db, t.db, t.db]);
    expect(duplicates(arrivals)).toEqual([]);
    expect([...arrivals].sort()).toEqual([...expected].sort());
    expect(arrivals.length).toBeGreaterThan(300);
  }, 180_000);
});
