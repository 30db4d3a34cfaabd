import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNotifier } from "../src/notify/notifier.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CHANNELS = "/api/v1/notification-channels";
const SECRET = "whsec-0123456789abcdef0123";

describe("notification channels API", () => {
  it("adds channels of each kind for admins, and never shows a webhook's secret", async () => {
    const payloads = [
      {
        name: "leads",
        kind: "email",
        target: "lead@example.com, ops@example.com",
        events: ["postmortem.published"],
      },
      {
        name: "eng",
        kind: "slack",
        target: "https://hooks.slack.com/services/T0/B0/abc",
        events: ["postmortem.closed"],
      },
      {
        name: "bus",
        kind: "webhook",
        target: "https://events.example.com/hindsight",
        secret: SECRET,
        events: ["postmortem.closed"],
      },
    ];
    for (const payload of payloads) {
      const response = await t.app.inject({ method: "POST", url: CHANNELS, headers: t.as("admin"), payload });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`${CHANNELS}/${response.json<{ id: number }>().id}`);
    }
    const list = await t.app.inject({ method: "GET", url: CHANNELS, headers: t.as("admin") });
    expect(list.json<{ name: string; hasSecret: boolean }[]>().map((c) => [c.name, c.hasSecret])).toEqual([
      ["bus", true],
      ["eng", false],
      ["leads", false],
    ]);
    expect(list.body).not.toContain(SECRET);
    expect(list.body).not.toContain('"secret"');
  });

  it("refuses editors and viewers", async () => {
    for (const role of ["editor", "viewer"] as const) {
      expect((await t.app.inject({ method: "GET", url: CHANNELS, headers: t.as(role) })).statusCode).toBe(
        403,
      );
      const post = await t.app.inject({
        method: "POST",
        url: CHANNELS,
        headers: t.as(role),
        payload: { name: `by-${role}`, kind: "slack", target: "https://hooks.example.com/x" },
      });
      expect(post.statusCode).toBe(403);
    }
  });

  it("refuses a URL that is not http(s), naming the field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: CHANNELS,
      headers: t.as("admin"),
      payload: { name: "bad", kind: "webhook", target: "file:///etc/passwd", secret: SECRET },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["target"]);
  });

  it("changes a channel only with a current If-Match", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: CHANNELS,
      headers: t.as("admin"),
      payload: { name: "edit-me", kind: "slack", target: "https://hooks.example.com/e" },
    });
    const url = `${CHANNELS}/${created.json<{ id: number }>().id}`;
    const patch = (headers: Record<string, string>) =>
      t.app.inject({ method: "PATCH", url, headers: t.as("admin", headers), payload: { enabled: false } });
    expect((await patch({})).statusCode).toBe(428);
    expect((await patch({ "if-match": '"7"' })).statusCode).toBe(412);
    const ok = await patch({ "if-match": '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ enabled: false, version: 2 });
    expect((await t.app.inject({ method: "DELETE", url, headers: t.as("admin") })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url, headers: t.as("admin") })).statusCode).toBe(404);
  });
});

describe("deliveries API", () => {
  it("shows admins a failed e-mail with its error, lets them retry it, and refuses editors", async () => {
    const key = await t.openIncident({ status: "resolved", resolvedAt: "2026-03-18T15:00:00Z" });
    // No SMTP server configured: the reminder to the incident's creator must fail where admins see it.
    const notifier = startNotifier({
      db: t.testDb.db,
      clock: t.clock,
      mail: { smtpUrl: undefined, from: "hindsight@example.com" },
      intervalSeconds: 0,
    });
    t.clock.set("2026-03-19T15:00:00Z");
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await notifier.tick();
      t.clock.advance(13 * 60 * 60 * 1000);
    }
    await notifier.stop();

    const failed = await t.app.inject({
      method: "GET",
      url: "/api/v1/deliveries?status=failed",
      headers: t.as("admin"),
    });
    expect(failed.statusCode).toBe(200);
    const [delivery] = failed.json<{
      items: {
        id: number;
        target: string;
        status: string;
        attempts: number;
        lastError: string;
        subject: string;
      }[];
    }>().items;
    expect(delivery).toMatchObject({
      target: t.users.editor.email,
      status: "failed",
      attempts: 6,
      lastError: "no SMTP server configured (set HINDSIGHT_SMTP_URL)",
    });
    expect(delivery!.subject).toContain(key);
    for (const role of ["editor", "viewer"] as const) {
      expect(
        (await t.app.inject({ method: "GET", url: "/api/v1/deliveries", headers: t.as(role) })).statusCode,
      ).toBe(403);
      const retry = await t.app.inject({
        method: "POST",
        url: `/api/v1/deliveries/${delivery!.id}/retry`,
        headers: t.as(role),
      });
      expect(retry.statusCode).toBe(403);
    }

    const retry = await t.app.inject({
      method: "POST",
      url: `/api/v1/deliveries/${delivery!.id}/retry`,
      headers: t.as("admin"),
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: t.clock.now().toISOString().replace(".000", ""),
    });
    const pending = await t.app.inject({
      method: "GET",
      url: "/api/v1/deliveries?status=pending",
      headers: t.as("admin"),
    });
    expect(pending.json<{ items: { id: number }[] }>().items.map((d) => d.id)).toEqual([delivery!.id]);
  });

  it("refuses to retry what was already sent", async () => {
    const { id } = await t.testDb.db
      .insertInto("deliveries")
      .values({
        dedupeKey: "sent-one",
        channelKind: "email",
        channelId: null,
        target: "sam@example.com",
        subject: "Done",
        body: "{}",
        status: "sent",
        nextAttemptAt: "2026-03-18T16:00:00Z",
        createdAt: "2026-03-18T16:00:00Z",
        sentAt: "2026-03-18T16:00:00Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const retry = await t.app.inject({
      method: "POST",
      url: `/api/v1/deliveries/${id}/retry`,
      headers: t.as("admin"),
    });
    expect(retry.statusCode).toBe(409);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/deliveries/999999/retry", headers: t.as("admin") }))
        .statusCode,
    ).toBe(404);
  });
});
