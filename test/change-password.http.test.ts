import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

const COOKIE = "hindsight_session";
// inject() sends Host: localhost:80 by default; a browser on this site sends a matching Origin.
const SITE = { host: "hindsight.test:4000", origin: "http://hindsight.test:4000" };
const NEW_PASSWORD = "a much longer passphrase 2026";

let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (password: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: user.email, password } });

async function sessionOf(password: string): Promise<string> {
  const response = await signIn(password);
  expect(response.statusCode, response.body).toBe(200);
  return response.cookies.find((c) => c.name === COOKIE)!.value;
}

const me = (session: string) =>
  t.app.inject({ url: "/api/v1/auth/me", headers: SITE, cookies: { [COOKIE]: session } });

const change = (session: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/auth/password",
    headers: SITE,
    cookies: { [COOKIE]: session },
    payload,
  });

const errorPaths = (response: LightMyRequestResponse) =>
  response.json().errors.map((e: { path: string }) => e.path);

describe("POST /api/v1/auth/password", () => {
  beforeAll(async () => {
    user = await buildUser(t.testDb.db, "viewer", t.clock);
  });

  it("refuses a wrong current password, naming it, and changes nothing", async () => {
    const session = await sessionOf(user.password);
    const refused = await change(session, { currentPassword: "not my password", newPassword: NEW_PASSWORD });
    expect(refused.statusCode).toBe(400);
    expect(errorPaths(refused)).toEqual(["currentPassword"]);
    expect((await signIn(user.password)).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(200);
  });

  it("refuses a new password that is too short or the same as the current one, naming newPassword", async () => {
    const session = await sessionOf(user.password);
    for (const newPassword of ["short", user.password]) {
      const refused = await change(session, { currentPassword: user.password, newPassword });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(errorPaths(refused)).toEqual(["newPassword"]);
    }
    expect((await signIn(user.password)).statusCode).toBe(200);
  });

  it("answers 401 to nobody signed in", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: SITE,
      payload: { currentPassword: user.password, newPassword: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(401);
  });

  it("lets only one of two changes made at once with the same current password through (409 for the other)", async () => {
    const racer = await buildUser(t.testDb.db, "editor", t.clock);
    const signInRacer = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: racer.email, password: racer.password },
    });
    const session = signInRacer.cookies.find((c) => c.name === COOKIE)!.value;
    const both = await Promise.all(
      ["first new passphrase here", "second new passphrase here"].map((newPassword) =>
        change(session, { currentPassword: racer.password, newPassword }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    const winner = both[0]!.statusCode === 204 ? "first new passphrase here" : "second new passphrase here";
    const signInWinner = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: racer.email, password: winner },
    });
    expect(signInWinner.statusCode).toBe(200);
  });

  it("changes it: the old one stops working, this session stays, other sessions end, tokens keep working", async () => {
    const elsewhere = await sessionOf(user.password);
    const here = await sessionOf(user.password);

    const changed = await change(here, { currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(204);

    expect((await signIn(user.password)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    const byToken = await t.app.inject({
      url: "/api/v1/auth/me",
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json().version).toBe(2);
  });
});
