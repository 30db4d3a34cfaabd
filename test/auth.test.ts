import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiToken, User } from "../src/users/user.ts";
import { MAX_LIVE_TOKENS_PER_USER } from "../src/users/api-tokens.ts";
import { buildIncidentInput } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

const COOKIE = "hindsight_session";
// inject() sends Host: localhost:80 by default; a browser on this site sends a matching Origin.
const SITE = { host: "hindsight.test:4000", origin: "http://hindsight.test:4000" };

function signIn(t: TestApp, email: string, password: string) {
  return t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password } });
}

function sessionCookie(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((c) => c.name === COOKIE);
  expect(cookie, "session cookie").toBeDefined();
  return cookie!;
}

async function count(t: TestApp, table: "incidents" | "users"): Promise<number> {
  const row = await t.testDb.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectProblem(response: LightMyRequestResponse, status: number): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

describe("sign-in and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function sessionOf(role: "viewer" | "editor" = "editor"): Promise<string> {
    const response = await signIn(t, t.users[role].email, t.users[role].password);
    expect(response.statusCode, response.body).toBe(200);
    return sessionCookie(response).value;
  }

  function postIncident(session: string, headers: Record<string, string>) {
    return t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      cookies: { [COOKIE]: session },
      headers,
      payload: buildIncidentInput(),
    });
  }

  it("sets an httpOnly, SameSite=Lax session cookie for the right password", async () => {
    const response = await signIn(t, t.users.viewer.email, t.users.viewer.password);
    expect(response.statusCode).toBe(200);
    expect(response.json<User>()).toMatchObject({ email: t.users.viewer.email, role: "viewer" });
    expect(response.body).not.toContain("scrypt");
    const cookie = sessionCookie(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.secure ?? false).toBe(false);
    expect(cookie.value.length).toBeGreaterThan(30);
  });

  it("answers a wrong password and an unknown e-mail with the same 401", async () => {
    const wrongPassword = await signIn(t, t.users.viewer.email, "not the password at all");
    const unknownEmail = await signIn(t, "nobody@example.com", t.users.viewer.password);
    expectProblem(wrongPassword, 401);
    expectProblem(unknownEmail, 401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
  });

  it("authenticates GET /api/v1/auth/me with the session cookie until sign-out", async () => {
    const session = await sessionOf("viewer");
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: { [COOKIE]: session } });
    expect(me.statusCode).toBe(200);
    expect(me.json<User>().email).toBe(t.users.viewer.email);
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/auth/me" }), 401);

    const out = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      cookies: { [COOKIE]: session },
      headers: SITE,
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      cookies: { [COOKIE]: session },
    });
    expectProblem(after, 401);
  });

  it("refuses a cookie-authenticated write without Origin, and writes nothing", async () => {
    const session = await sessionOf();
    const before = await count(t, "incidents");
    expectProblem(await postIncident(session, { host: SITE.host }), 403);
    expect(await count(t, "incidents")).toBe(before);
  });

  it("refuses a cookie-authenticated write from a foreign Origin, and writes nothing", async () => {
    const session = await sessionOf();
    const before = await count(t, "incidents");
    expectProblem(await postIncident(session, { host: SITE.host, origin: "https://evil.example" }), 403);
    expectProblem(
      await postIncident(session, { host: SITE.host, origin: "http://hindsight.test:4001" }),
      403,
    );
    expect(await count(t, "incidents")).toBe(before);
  });

  it("accepts a cookie-authenticated write from the site's own Origin or Referer", async () => {
    const session = await sessionOf();
    const before = await count(t, "incidents");
    const viaOrigin = await postIncident(session, SITE);
    expect(viaOrigin.statusCode, viaOrigin.body).toBe(201);
    const viaReferer = await postIncident(session, { host: SITE.host, referer: `${SITE.origin}/incidents` });
    expect(viaReferer.statusCode, viaReferer.body).toBe(201);
    expect(await count(t, "incidents")).toBe(before + 2);
  });

  it("still applies roles to a session: a viewer's cookie cannot write", async () => {
    const session = await sessionOf("viewer");
    expectProblem(await postIncident(session, SITE), 403);
  });

  it("accepts a bearer-token write without any Origin", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      headers: t.as("editor"),
      payload: buildIncidentInput(),
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it("stores passwords only as scrypt hashes", async () => {
    const rows = await t.testDb.db.selectFrom("users").select(["email", "passwordHash"]).execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const role of ["viewer", "editor", "admin"] as const) {
      const row = rows.find((r) => r.email === t.users[role].email)!;
      expect(row.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
      expect(row.passwordHash).not.toContain(t.users[role].password);
    }
  });
});

describe("session cookie behind https", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ publicUrl: "https://hindsight.example.com" });
  });
  afterAll(() => t.close());

  it("marks the cookie Secure when the public URL is https", async () => {
    const response = await signIn(t, t.users.editor.email, t.users.editor.password);
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response)).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
  });

  it("accepts cookie writes from the public URL's origin behind a proxy", async () => {
    const session = sessionCookie(await signIn(t, t.users.editor.email, t.users.editor.password)).value;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/incidents",
      cookies: { [COOKIE]: session },
      headers: { host: "127.0.0.1:4000", origin: "https://hindsight.example.com" },
      payload: buildIncidentInput(),
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe("sign-in rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ signInLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it("answers the 4th attempt in a minute with 429 problem+json, even with the right password", async () => {
    for (let i = 0; i < 3; i += 1) {
      expectProblem(await signIn(t, t.users.admin.email, `wrong guess number ${i}`), 401);
    }
    const fourth = await signIn(t, t.users.admin.email, t.users.admin.password);
    expectProblem(fourth, 429);
    expect(fourth.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
  });
});

describe("API tokens and users", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("returns a new token's secret once, lists it by prefix only, and stops it after revocation", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: t.as("viewer"),
      payload: { name: "ci job" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, secret } = created.json<{ token: ApiToken; secret: string }>();
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.prefix.length).toBeLessThan(secret.length / 2);

    const listed = await t.app.inject({ method: "GET", url: "/api/v1/tokens", headers: t.as("viewer") });
    expect(listed.json<ApiToken[]>().map((x) => x.prefix)).toContain(token.prefix);
    expect(listed.body).not.toContain(secret);

    const me = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: me })).statusCode).toBe(200);
    const othersRevoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${token.id}`,
      headers: t.as("editor"),
    });
    expectProblem(othersRevoke, 404);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: me })).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${token.id}`,
      headers: t.as("viewer"),
    });
    expect(revoked.statusCode).toBe(204);
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: me }), 401);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: t.as("viewer") })).statusCode,
    ).toBe(200);
  });

  it("caps a user's live tokens, and a revoked one frees a place", async () => {
    const user = t.users.viewer;
    const live = async () =>
      Number(
        (
          await t.testDb.db
            .selectFrom("apiTokens")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("userId", "=", user.id)
            .where("revokedAt", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const create = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/tokens",
        headers: t.as("viewer"),
        payload: { name: "ci" },
      });
    while ((await live()) < MAX_LIVE_TOKENS_PER_USER) expect((await create()).statusCode).toBe(201);
    const refused = await create();
    expectProblem(refused, 409);
    expect(await live()).toBe(MAX_LIVE_TOKENS_PER_USER);
    const newest = (await t.app.inject({ url: "/api/v1/tokens", headers: t.as("viewer") }))
      .json<ApiToken[]>()
      .at(-1)!;
    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${newest.id}`,
      headers: t.as("viewer"),
    });
    expect(revoked.statusCode).toBe(204);
    expect((await create()).statusCode).toBe(201);
  });

  it("stores tokens hashed: no secret appears in the apiTokens table", async () => {
    const rows = await t.testDb.db.selectFrom("apiTokens").selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const role of ["viewer", "editor", "admin"] as const) {
      const secret = t.users[role].token;
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(12, 40));
    }
  });

  it("lets an admin create users who can then sign in, and refuses an editor", async () => {
    const before = await count(t, "users");
    const byEditor = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: t.as("editor"),
      payload: { email: "sneaky@example.com", name: "Sneaky", role: "admin" },
    });
    expectProblem(byEditor, 403);
    expect(await count(t, "users")).toBe(before);

    const byAdmin = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: t.as("admin"),
      payload: { email: "Robin@Example.com", name: "Robin", role: "editor" },
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    const { user, generatedPassword } = byAdmin.json<{ user: User; generatedPassword: string }>();
    expect(user).toMatchObject({ email: "robin@example.com", role: "editor" });
    expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
    expect((await signIn(t, "robin@example.com", generatedPassword)).statusCode).toBe(200);

    const duplicate = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: t.as("admin"),
      payload: { email: "robin@example.com", name: "Robin again", role: "viewer" },
    });
    expectProblem(duplicate, 409);
    expect(await count(t, "users")).toBe(before + 1);
  });

  it("never demotes the last admin, but demotes an admin when another remains", async () => {
    const demote = async (id: number) => {
      const users = (await t.app.inject({ url: "/api/v1/users", headers: t.as("admin") })).json<User[]>();
      const version = users.find((u) => u.id === id)!.version;
      return t.app.inject({
        method: "PATCH",
        url: `/api/v1/users/${id}`,
        headers: t.as("admin", { "if-match": `"${version}"` }),
        payload: { role: "editor" },
      });
    };
    expectProblem(await demote(t.users.admin.id), 409);
    const still = await t.testDb.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", t.users.admin.id)
      .executeTakeFirstOrThrow();
    expect(still.role).toBe("admin");

    const second = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: t.as("admin"),
      payload: {
        email: "second-admin@example.com",
        name: "Second",
        role: "admin",
        password: "a long enough password",
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json<{ user: User }>().user.id;
    const demoted = await demote(secondId);
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json<User>().role).toBe("editor");
  });
});

describe("PATCH /api/v1/users/:id", () => {
  it("needs If-Match like every versioned resource, and a stale one changes nothing", async () => {
    const t = await createTestApp();
    try {
      const url = `/api/v1/users/${t.users.viewer.id}`;
      const missing = await t.app.inject({
        method: "PATCH",
        url,
        headers: t.as("admin"),
        payload: { name: "Vi" },
      });
      expect(missing.statusCode).toBe(428);
      const ok = await t.app.inject({
        method: "PATCH",
        url,
        headers: t.as("admin", { "if-match": '"1"' }),
        payload: { name: "Vi" },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const stale = await t.app.inject({
        method: "PATCH",
        url,
        headers: t.as("admin", { "if-match": '"1"' }),
        payload: { role: "admin" },
      });
      expect(stale.statusCode).toBe(412);
      const users = (await t.app.inject({ url: "/api/v1/users", headers: t.as("admin") })).json<User[]>();
      expect(users.find((u) => u.id === t.users.viewer.id)).toMatchObject({
        name: "Vi",
        role: "viewer",
        version: 2,
      });
    } finally {
      await t.close();
    }
  });
});
