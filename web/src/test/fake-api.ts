// Test helper: a stand-in for the API behind `fetch`, answering by "METHOD /path" with canned replies.
import { vi } from "vitest";
import type { User } from "../api/types.ts";
import type { ApiToken } from "../features/account/account.api.ts";

export interface Reply {
  status?: number;
  body?: unknown;
}

export type Handler = (request: { body: unknown; headers: Record<string, string> }) => Reply;

export interface FakeApi {
  on(route: string, handler: Handler | Reply): void;
  /** Every request seen, as "METHOD /path" with its JSON body and If-Match. */
  calls: { route: string; body: unknown; ifMatch: string | undefined }[];
}

export function fakeApi(): FakeApi {
  const handlers = new Map<string, Handler>();
  const calls: FakeApi["calls"] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const route = `${init.method ?? "GET"} ${new URL(url, "http://localhost").pathname}`;
      const headers = (init.headers ?? {}) as Record<string, string>;
      const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
      calls.push({ route, body, ifMatch: headers["if-match"] });
      const handler = handlers.get(route);
      const reply = handler ? handler({ body, headers }) : { status: 404, body: { detail: `no ${route}` } };
      const status = reply.status ?? 200;
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status,
        headers: { "content-type": status < 300 ? "application/json" : "application/problem+json" },
      });
    }),
  );
  return {
    calls,
    on(route, handler) {
      handlers.set(route, typeof handler === "function" ? handler : () => handler);
    },
  };
}

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    email: "ada@example.com",
    name: "Ada Admin",
    role: "admin",
    version: 1,
    createdAt: "2026-03-01T09:00:00.000Z",
    updatedAt: "2026-03-01T09:00:00.000Z",
    ...overrides,
  };
}

export function buildToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 1,
    name: "deploy script",
    prefix: "hst_AbCdEf",
    createdAt: "2026-03-02T10:00:00.000Z",
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}
