import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNotifier } from "../src/notify/notifier.ts";
import type { Role } from "../src/users/user.ts";
import { createTestApp, type TestApp } from "./http.ts";

const PUBLIC_URL = "https://status.example.com";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
});
afterAll(() => t.close());

interface Flag {
  field: string;
  kind: string;
  match: string;
  dismissed: { reason: string; by: string } | null;
}
interface Version {
  status: string;
  title: string;
  impact: string;
  flags: Flag[];
  openFlags: number;
  version: number;
  approvedBy: { name: string } | null;
  publication: { slug: string; url: string } | null;
}
interface Announcement {
  kind: string;
  subject: string;
  title: string;
  data: Record<string, unknown>;
}
interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

const TEXTS = {
  title: "Card payments failed in Europe",
  summary: "Some card payments failed. Write to ops@example.com from 10.20.30.40 if yours did.",
  impact: "Customers in Europe could not pay by card.",
  changes: "We are adding capacity and an earlier warning.",
};

async function customerIncident() {
  return t.openIncident({
    customerImpact: true,
    status: "resolved",
    mitigatedAt: "2026-03-18T14:42:00Z",
    resolvedAt: "2026-03-18T15:00:00Z",
  });
}

function call(
  role: Role | null,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: Record<string, unknown>,
  extra: Record<string, string> = {},
) {
  const headers = role ? t.as(role, extra) : extra;
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

const external = (key: string) => `/api/v1/incidents/${key}/external`;

describe("external version over HTTP", () => {
  it("goes from draft through flags and a second person's approval to a public page, and back off it", async () => {
    const key = await customerIncident();
    expect((await call("viewer", "GET", external(key))).statusCode).toBe(404);

    const created = await call("editor", "POST", external(key), TEXTS);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(external(key));
    const draft = created.json<Version>();
    expect(draft).toMatchObject({ status: "draft", title: TEXTS.title });
    expect(draft.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(["email", "ip"]));
    expect(created.headers.etag).toBe(`"${draft.version}"`);

    const blocked = await call("admin", "POST", `${external(key)}/approve`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.headers["content-type"]).toContain("application/problem+json");
    expect(blocked.json<Problem>().errors?.map((e) => e.path)).toEqual(
      draft.flags.map((_, i) => `flags.${i}`),
    );

    const noReason = await call("editor", "POST", `${external(key)}/flags/dismiss`, {
      field: "summary",
      kind: "email",
      match: "ops@example.com",
      reason: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors?.[0]?.path).toBe("reason");
    const noFlag = await call("editor", "POST", `${external(key)}/flags/dismiss`, {
      field: "summary",
      kind: "email",
      match: "nobody@example.com",
      reason: "fine",
    });
    expect(noFlag.json<Problem>().errors?.[0]?.path).toBe("match");

    const dismissed = await call("editor", "POST", `${external(key)}/flags/dismiss`, {
      field: "summary",
      kind: "email",
      match: "ops@example.com",
      reason: "Our public support address",
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const afterDismiss = dismissed.json<Version>();
    expect(afterDismiss.flags.find((f) => f.kind === "email")?.dismissed?.reason).toBe(
      "Our public support address",
    );

    const fix = { summary: "Some card payments failed. Write to ops@example.com if yours did." };
    expect((await call("editor", "PATCH", external(key), fix)).statusCode).toBe(428);
    const stale = await call("editor", "PATCH", external(key), fix, { "if-match": `"${draft.version}"` });
    expect(stale.statusCode).toBe(412);
    const fixed = await call("editor", "PATCH", external(key), fix, {
      "if-match": String(dismissed.headers.etag),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<Version>().openFlags).toBe(0);

    const self = await call("editor", "POST", `${external(key)}/approve`);
    expect(self.statusCode).toBe(409);
    expect(self.json<Problem>().errors).toEqual([
      { path: "approvedBy", message: expect.stringContaining("someone other than its author") },
    ]);
    const approved = await call("admin", "POST", `${external(key)}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Version>()).toMatchObject({
      status: "approved",
      approvedBy: { name: t.users.admin.actor.name },
    });

    expect((await call("viewer", "POST", `${external(key)}/publish`)).statusCode).toBe(403);
    const published = await call("editor", "POST", `${external(key)}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const publication = published.json<Version>().publication!;
    expect(publication.slug).toBe("2026-03-18-card-payments-failed-in-europe");
    expect(publication.url).toBe(`${PUBLIC_URL}/status/postmortems/${publication.slug}`);

    const page = () => t.app.inject({ method: "GET", url: `/status/postmortems/${publication.slug}` });
    const live = await page();
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain("Card payments failed in Europe");
    expect(live.body).toContain("Customers in Europe could not pay by card.");
    expect((await t.app.inject({ method: "GET", url: "/status/postmortems" })).body).toContain(
      `href="/status/postmortems/${publication.slug}"`,
    );

    const edited = await call(
      "editor",
      "PATCH",
      external(key),
      { impact: "Every customer saw declined cards." },
      { "if-match": String(published.headers.etag) },
    );
    expect(edited.json<Version>()).toMatchObject({ status: "draft", approvedBy: null });
    const kept = await page();
    expect(kept.body).toContain("Customers in Europe could not pay by card.");
    expect(kept.body).not.toContain("Every customer saw declined cards.");

    const off = await call("editor", "POST", `${external(key)}/unpublish`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<Version>()).toMatchObject({ status: "unpublished", publication: null });
    const gone = await page();
    expect(gone.statusCode).toBe(404);
    expect(gone.headers["content-type"]).toContain("text/html");
    expect(gone.body).not.toContain("Card payments failed");
  });

  it("refuses an incident that did not affect customers, naming customerImpact", async () => {
    const key = await t.openIncident({ customerImpact: false });
    const response = await call("editor", "POST", external(key));
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>().errors?.[0]?.path).toBe("customerImpact");
  });

  it("lets viewers read but not write, and anonymous callers nothing", async () => {
    const key = await customerIncident();
    expect((await call("editor", "POST", external(key))).statusCode).toBe(201);
    expect((await call("editor", "POST", external(key))).statusCode).toBe(409);
    expect((await call(null, "GET", external(key))).statusCode).toBe(401);
    const read = await call("viewer", "GET", external(key));
    expect(read.statusCode).toBe(200);
    expect(read.json<Version & { duration: string }>().duration).toBe("about 42 minutes");
    for (const [method, path] of [
      ["POST", external(key)],
      ["PATCH", external(key)],
      ["POST", `${external(key)}/flags/dismiss`],
      ["POST", `${external(key)}/approve`],
      ["POST", `${external(key)}/publish`],
      ["POST", `${external(key)}/unpublish`],
    ] as const) {
      const response = await call("viewer", method, path, {}, { "if-match": "*" });
      expect(response.statusCode, `${method} ${path}`).toBe(403);
    }
    const unknownField = await call(
      "editor",
      "PATCH",
      external(key),
      { rootCause: "x" },
      { "if-match": "*" },
    );
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json<Problem>().errors?.[0]?.path).toBe("rootCause");
  });
});

describe("announcing a published external version", () => {
  it("posts external.published to a subscribed webhook channel, once", async () => {
    const received: { headers: Record<string, unknown>; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const channel = await call("admin", "POST", "/api/v1/notification-channels", {
        name: "status-updates",
        kind: "webhook",
        target: `http://127.0.0.1:${port}/hook`,
        secret: "whsec-external-published-0123",
        events: ["external.published"],
      });
      expect(channel.statusCode, channel.body).toBe(201);

      const key = await customerIncident();
      await call("editor", "POST", external(key), { ...TEXTS, summary: "Some card payments failed." });
      await call("admin", "POST", `${external(key)}/approve`);
      expect((await call("editor", "POST", `${external(key)}/publish`)).statusCode).toBe(200);

      const notifier = startNotifier({
        db: t.testDb.db,
        clock: t.clock,
        publicUrl: PUBLIC_URL,
        mail: { smtpUrl: undefined, from: "hindsight@example.com" },
        intervalSeconds: 0,
      });
      try {
        await notifier.tick();
        await notifier.tick();
      } finally {
        await notifier.stop();
      }
      // Events of earlier tests in this file are announced too; this one must arrive exactly once.
      const posts = received
        .map((post) => ({ headers: post.headers, body: JSON.parse(post.body) as Announcement }))
        .filter((post) => post.body.subject === key);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.headers["x-hindsight-event"]).toBe("external.published");
      expect(posts[0]!.body.kind).toBe("external.published");
      expect(posts[0]!.body.title).toContain(`External version published: ${key}`);
      // The team sees what customers now read, and where.
      expect((posts[0]!.body as unknown as { text: string }).text).toMatch(
        /Customers now read “.+” at \/status\/postmortems\/2026-03-18-card-payments/,
      );
      expect(posts[0]!.body.data).toMatchObject({
        incidentKey: key,
        slug: expect.stringMatching(/^2026-03-18-card-payments/),
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
