import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startNotifier } from "../src/notify/notifier.ts";
import { createTestApp, type TestApp } from "./http.ts";

interface Post {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on loopback; `answer` picks the status of each post, and accepted ones are kept. */
async function startReceiver() {
  const accepted: Post[] = [];
  let answer: (post: Post) => number = () => 200;
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const post = { path: request.url ?? "", headers: request.headers, body };
      const status = answer(post);
      if (status < 300) accepted.push(post);
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    accepted,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answerWith: (next: (post: Post) => number) => (answer = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = "whsec-the-shared-hmac-key-0123";

/** The check the README tells receivers to make, to the letter. */
function verifyHindsightSignature(
  secret: string,
  headers: IncomingHttpHeaders,
  rawBody: string,
  nowSeconds: number,
) {
  const timestamp = String(headers["x-hindsight-timestamp"]);
  const signature = String(headers["x-hindsight-signature"]);
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return (
    signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://hindsight.example.com" });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(() => {
  receiver.accepted.length = 0;
  receiver.answerWith(() => 200);
});

const notifier = () =>
  startNotifier({
    db: t.testDb.db,
    clock: t.clock,
    publicUrl: "https://hindsight.example.com",
    mail: { smtpUrl: undefined, from: "hindsight@example.com" },
    intervalSeconds: 0,
  });

async function pass() {
  const n = notifier();
  try {
    return await n.tick();
  } finally {
    await n.stop();
  }
}

async function addChannel(payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/notification-channels",
    headers: t.as("admin"),
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>();
}

async function publish(key: string, summary: string) {
  const read = await t.app.inject({
    method: "GET",
    url: `/api/v1/incidents/${key}/postmortem`,
    headers: t.as("editor"),
  });
  const edit = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/incidents/${key}/postmortem`,
    headers: t.as("editor", { "if-match": String(read.headers.etag) }),
    payload: {
      summary,
      rootCause: "The pool was sized for last year.",
      detection: "An alert after 4 minutes.",
      resolution: "Doubled the pool.",
    },
  });
  expect(edit.statusCode, edit.body).toBe(200);
  const published = await t.app.inject({
    method: "POST",
    url: `/api/v1/incidents/${key}/postmortem/publish`,
    headers: t.as("admin", { "if-match": String(edit.headers.etag) }),
    payload: {
      override: { reason: "reviewed by e-mail this once" },
      noActionItemsReason: "all fixed during the incident",
    },
  });
  expect(published.statusCode, published.body).toBe(200);
}

describe("Slack and webhook channels", () => {
  it("announces a published post-mortem on Slack and on a signed webhook, with title, severity, link and summary", async () => {
    await addChannel({ name: "eng-slack", kind: "slack", target: receiver.url("/slack/T0/B0/token") });
    const hook = await addChannel({
      name: "bus",
      kind: "webhook",
      target: receiver.url("/hook"),
      secret: SECRET,
      events: ["postmortem.published"],
    });
    const key = await t.openIncident({
      title: "Checkout down",
      severity: "P1",
      status: "resolved",
      resolvedAt: "2026-03-18T15:00:00Z",
    });
    await publish(key, "A connection pool ran dry for 40 minutes.");

    const result = await pass();
    expect(result.events.events).toBe(1);
    expect(result.deliveries.sent).toBe(2);

    const slack = receiver.accepted.find((p) => p.path.startsWith("/slack"))!;
    const slackBody = JSON.parse(slack.body) as { text: string; blocks: { text: { text: string } }[] };
    expect(slackBody.text).toContain(`Post-mortem published: ${key} Checkout down (P1)`);
    expect(slackBody.text).toContain("A connection pool ran dry for 40 minutes.");
    expect(slackBody.text).toContain(`https://hindsight.example.com/incidents/${key}`);
    expect(slackBody.blocks.length).toBeGreaterThan(0);

    const post = receiver.accepted.find((p) => p.path === "/hook")!;
    expect(verifyHindsightSignature(SECRET, post.headers, post.body, t.clock.now().getTime() / 1000)).toBe(
      true,
    );
    expect(
      verifyHindsightSignature(
        "another-secret-entirely-000",
        post.headers,
        post.body,
        t.clock.now().getTime() / 1000,
      ),
    ).toBe(false);
    expect(
      verifyHindsightSignature(
        SECRET,
        post.headers,
        post.body.replace("P1", "P3"),
        t.clock.now().getTime() / 1000,
      ),
    ).toBe(false);
    expect(post.headers["content-type"]).toBe("application/json");
    expect(post.headers["x-hindsight-event"]).toBe("postmortem.published");
    const body = JSON.parse(post.body) as {
      id: string;
      kind: string;
      link: string;
      data: Record<string, unknown>;
    };
    expect(post.headers["x-hindsight-event-id"]).toBe(body.id);
    expect(body).toMatchObject({
      kind: "postmortem.published",
      subject: key,
      link: `https://hindsight.example.com/incidents/${key}`,
    });
    expect(body.data).toMatchObject({
      title: "Checkout down",
      severity: "P1",
      summary: "A connection pool ran dry for 40 minutes.",
    });

    await pass();
    expect(receiver.accepted).toHaveLength(2);
    await t.app.inject({
      method: "DELETE",
      url: `/api/v1/notification-channels/${hook.id}`,
      headers: t.as("admin"),
    });
  });

  it("retries a receiver that failed twice after 1 and 5 minutes, and delivers once", async () => {
    let calls = 0;
    receiver.answerWith(() => (++calls <= 2 ? 503 : 200));
    await addChannel({
      name: "flaky",
      kind: "webhook",
      target: receiver.url("/flaky"),
      secret: SECRET,
      events: ["meeting_due"],
    });
    t.clock.set("2026-04-01T10:00:00Z");
    const key = await t.openIncident({
      status: "resolved",
      startedAt: "2026-04-01T08:00:00Z",
      resolvedAt: "2026-04-01T09:00:00Z",
    });
    t.clock.set("2026-04-02T09:00:00Z");
    const flaky = async () => {
      const list = await t.app.inject({ method: "GET", url: "/api/v1/deliveries", headers: t.as("admin") });
      type Row = {
        target: string;
        status: string;
        attempts: number;
        nextAttemptAt: string;
        lastError: string | null;
      };
      return list.json<{ items: Row[] }>().items.find((d) => d.target.endsWith("/flaky"))!;
    };

    await pass();
    expect(await flaky()).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: "2026-04-02T09:01:00Z",
      lastError: expect.stringContaining("HTTP 503"),
    });
    t.clock.advance(59_000);
    await pass();
    expect(calls).toBe(1);
    t.clock.advance(1_000);
    await pass();
    expect(await flaky()).toMatchObject({
      status: "pending",
      attempts: 2,
      nextAttemptAt: "2026-04-02T09:06:00Z",
    });
    t.clock.advance(5 * 60_000);
    await pass();
    expect(await flaky()).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    t.clock.advance(60 * 60_000);
    await pass();

    expect(calls).toBe(3);
    expect(receiver.accepted).toHaveLength(1);
    expect(JSON.parse(receiver.accepted[0]!.body)).toMatchObject({ kind: "meeting_due", subject: key });
  });
});
