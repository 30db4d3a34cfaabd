import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startNotifier } from "../src/notify/notifier.ts";
import { createTestApp, type TestApp } from "./http.ts";

const USER = "hindsight";
const PASSWORD = "smtp-password-s3cret";

/** A real SMTP server on loopback that wants a login and keeps every message it accepts, parsed. */
async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://hindsight.example.com" });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

async function pass(smtpUrl: string) {
  const notifier = startNotifier({
    db: t.testDb.db,
    clock: t.clock,
    publicUrl: "https://hindsight.example.com",
    mail: { smtpUrl, from: "Hindsight <hindsight@example.com>" },
    intervalSeconds: 0,
  });
  try {
    return await notifier.tick();
  } finally {
    await notifier.stop();
  }
}

const goodUrl = () => `smtp://${USER}:${PASSWORD}@127.0.0.1:${smtp.port}`;
const addresses = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

describe("e-mail reminders over SMTP", () => {
  it("sends the meeting reminder to each attendee, naming the incident and when it is due", async () => {
    t.clock.set("2026-03-18T16:00:00Z");
    const key = await t.openIncident({
      title: "Checkout API errors",
      status: "resolved",
      resolvedAt: "2026-03-18T15:00:00Z",
    });
    const meeting = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/incidents/${key}/postmortem/meeting`,
      headers: t.as("editor"),
      payload: {
        attendees: [
          { name: "Sam", email: "sam@example.com" },
          { name: "Kim", email: "kim@example.com" },
        ],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);

    t.clock.set("2026-03-19T15:30:00Z");
    const result = await pass(goodUrl());
    expect(result.deliveries).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(smtp.received.map(addresses).sort()).toEqual([["kim@example.com"], ["sam@example.com"]]);
    const mail = smtp.received[0]!;
    expect(mail.from?.value[0]?.address).toBe("hindsight@example.com");
    expect(mail.subject).toBe(`Review meeting due for ${key}: Checkout API errors`);
    expect(mail.text).toContain(`${key} “Checkout API errors” (P2)`);
    expect(mail.text).toContain("due since 2026-03-19 15:00 UTC");
    expect(mail.text).toContain("overdue after 2026-03-20 15:00 UTC");
    expect(mail.text).toContain(`https://hindsight.example.com/incidents/${key}`);
    expect(mail.headers.get("x-hindsight-event-id")).toBe(`meeting_due:${key}:2026-03-19`);

    t.clock.advance(60 * 60 * 1000);
    await pass(goodUrl());
    expect(smtp.received).toHaveLength(2);
  });

  it("sends channel e-mail to every address of an e-mail channel in one message", async () => {
    const channel = await t.app.inject({
      method: "POST",
      url: "/api/v1/notification-channels",
      headers: t.as("admin"),
      payload: {
        name: "leads",
        kind: "email",
        target: "lead@example.com, ops@example.com",
        events: ["action_item_due_soon"],
      },
    });
    expect(channel.statusCode).toBe(201);
    const key = await t.openIncident();
    const item = await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${key}/action-items`,
      headers: t.as("editor"),
      payload: { title: "Alert on pool saturation", owner: "someone outside", dueDate: "2026-03-25" },
    });
    expect(item.statusCode, item.body).toBe(201);
    t.clock.set("2026-03-23T08:00:00Z");
    await pass(goodUrl());
    const forItem = smtp.received.filter((m) => m.subject?.includes("Alert on pool saturation"));
    expect(forItem.map(addresses)).toEqual([["lead@example.com", "ops@example.com"]]);
    expect(forItem[0]!.text).toContain("is due on 2026-03-25");
  });

  it("records a refused login as the delivery's error without showing the password", async () => {
    const key = await t.openIncident();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/${key}/action-items`,
      headers: t.as("editor"),
      payload: { title: "Rotate the pager", owner: t.users.editor.email, dueDate: "2026-03-25" },
    });
    const wrongPassword = "not-the-password-42";
    const result = await pass(`smtp://${USER}:${wrongPassword}@127.0.0.1:${smtp.port}`);
    expect(result.deliveries.retrying).toBeGreaterThan(0);
    const failed = await t.app.inject({
      method: "GET",
      url: "/api/v1/deliveries?status=pending",
      headers: t.as("admin"),
    });
    const errors = failed.json<{ items: { lastError: string | null }[] }>().items.map((d) => d.lastError);
    expect(errors.some((e) => e?.startsWith("SMTP: "))).toBe(true);
    expect(failed.body).not.toContain(wrongPassword);
    expect(smtp.received).toEqual([]);
  });
});
