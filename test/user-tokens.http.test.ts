import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../src/users/api-tokens.ts";
import type { ApiToken } from "../src/users/user.ts";
import { buildUser, type TestUser } from "./factories.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  owner = await buildUser(t.testDb.db, "editor", t.clock);
  other = await buildUser(t.testDb.db, "viewer", t.clock);
});
afterAll(() => t.close());

const me = (secret: string) =>
  t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${secret}` } });

describe("GET /api/v1/users/{id}/tokens", () => {
  it("shows an admin a user's tokens by name and prefix, never a secret or hash", async () => {
    const { token, secret } = await createApiToken(t.testDb.db, t.clock, owner.id, { name: "deploy bot" });
    const response = await t.app.inject({ url: `/api/v1/users/${owner.id}/tokens`, headers: t.as("admin") });
    expect(response.statusCode, response.body).toBe(200);
    const listed = response.json<ApiToken[]>();
    expect(listed.map((x) => x.name)).toEqual(["test", "deploy bot"]);
    expect(listed[1]).toEqual({
      id: token.id,
      name: "deploy bot",
      prefix: secret.slice(0, 10),
      createdAt: "2026-03-18T16:00:00Z",
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(response.body).not.toContain(secret);
    expect(response.body).not.toContain(owner.token);
    expect(response.body).not.toMatch(/hash/i);
  });

  it("refuses an editor and a viewer (403) and names an unknown user (404)", async () => {
    for (const role of ["editor", "viewer"] as const) {
      const refused = await t.app.inject({ url: `/api/v1/users/${owner.id}/tokens`, headers: t.as(role) });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain("deploy bot");
    }
    const unknown = await t.app.inject({ url: "/api/v1/users/999999/tokens", headers: t.as("admin") });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("DELETE /api/v1/users/{id}/tokens/{tokenId}", () => {
  it("lets an admin revoke another user's token, which then fails with 401 on the next call", async () => {
    const { token, secret } = await createApiToken(t.testDb.db, t.clock, owner.id, { name: "laptop" });
    expect((await me(secret)).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/${owner.id}/tokens/${token.id}`,
      headers: t.as("admin"),
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await me(secret)).statusCode).toBe(401);
    // The owner's other tokens keep working.
    expect((await me(owner.token)).statusCode).toBe(200);

    const listed = await t.app.inject({ url: `/api/v1/users/${owner.id}/tokens`, headers: t.as("admin") });
    expect(listed.json<ApiToken[]>().find((x) => x.id === token.id)?.revokedAt).toBe("2026-03-18T16:00:00Z");
  });

  it("answers 404 for a token that belongs to someone else, and leaves it working", async () => {
    const { token, secret } = await createApiToken(t.testDb.db, t.clock, other.id, { name: "phone" });
    const wrongUser = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/${owner.id}/tokens/${token.id}`,
      headers: t.as("admin"),
    });
    expect(wrongUser.statusCode).toBe(404);
    expect((await me(secret)).statusCode).toBe(200);
  });

  it("refuses an editor (403), who cannot revoke someone else's token this way", async () => {
    const { token, secret } = await createApiToken(t.testDb.db, t.clock, owner.id, { name: "ci" });
    const refused = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/${owner.id}/tokens/${token.id}`,
      headers: t.as("editor"),
    });
    expect(refused.statusCode).toBe(403);
    expect((await me(secret)).statusCode).toBe(200);
  });

  it("keeps the first revocation time when a token is revoked twice", async () => {
    const { token } = await createApiToken(t.testDb.db, t.clock, owner.id, { name: "old" });
    const revoke = () =>
      t.app.inject({
        method: "DELETE",
        url: `/api/v1/users/${owner.id}/tokens/${token.id}`,
        headers: t.as("admin"),
      });
    expect((await revoke()).statusCode).toBe(204);
    t.clock.set("2026-03-19T09:00:00Z");
    expect((await revoke()).statusCode).toBe(204);
    const listed = await t.app.inject({ url: `/api/v1/users/${owner.id}/tokens`, headers: t.as("admin") });
    expect(listed.json<ApiToken[]>().find((x) => x.id === token.id)?.revokedAt).toBe("2026-03-18T16:00:00Z");
  });
});
