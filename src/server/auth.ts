import "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../shared/clock.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { findTokenActor } from "../users/api-tokens.ts";
import { findSessionActor } from "../users/sessions.ts";
import { roleAtLeast, type Role } from "../users/user.ts";

/** What a route requires: `public` routes need no sign-in; others name the lowest role allowed. */
export type RouteRole = "public" | Role;

declare module "fastify" {
  interface FastifyContextConfig {
    role?: RouteRole;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authVia: "session" | "token" | null;
  }
}

export const SESSION_COOKIE = "hindsight_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RegisteredRoute {
  method: string;
  url: string;
  role: RouteRole;
}

export interface AuthOptions {
  db: Db;
  clock: Clock;
  /** Origins allowed to send cookie-authenticated writes besides the request's own host. */
  trustedOrigins: string[];
  /** How long a resolved token or session is trusted without asking the database again. */
  actorCacheMs?: number;
}

export const DEFAULT_ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_MAX = 10_000;
// Writes to these change who may do what; through this instance they take effect at once.
const IDENTITY_ROUTES = /^\/api\/v1\/(users|tokens|auth)(\/|$)/;

/**
 * Remembers who a token or session belongs to for a few seconds, so reads don't pay a database
 * round trip for auth. Revocations, sign-outs and role changes made through this instance clear it;
 * made through another instance, they apply within `ttlMs`.
 */
class ActorCache {
  readonly #entries = new Map<string, { actor: Actor; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  get(key: string): Actor | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.until > this.clock.now().getTime()) return hit.actor;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, actor: Actor): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= ACTOR_CACHE_MAX) this.#entries.clear();
    this.#entries.set(key, { actor, until: this.clock.now().getTime() + this.ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Declares roles on every route (a route without one fails at start), resolves the caller from a bearer
 * token or the session cookie, and refuses cross-site cookie writes (CSRF) by checking Origin/Referer.
 */
export function installAuth(app: FastifyInstance, options: AuthOptions): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest("actor", null);
  app.decorateRequest("authVia", null);

  app.addHook("onRoute", (route) => {
    const config = (route.config ?? {}) as { role?: RouteRole };
    // The documentation UI's own assets are public by nature.
    if (!config.role && route.url.startsWith("/api/docs")) config.role = "public";
    if (!config.role) throw new Error(`route ${String(route.method)} ${route.url} must declare config.role`);
    route.config = config as typeof route.config;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, role: config.role });
    }
  });

  const isSameOrigin = (request: FastifyRequest): boolean => {
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    if (!origin) return false;
    const own = originOf(`${request.protocol}://${request.host}`);
    return origin === own || options.trustedOrigins.includes(origin);
  };

  const cache = new ActorCache(options.actorCacheMs ?? DEFAULT_ACTOR_CACHE_MS, options.clock);
  const resolve = async (kind: "token" | "session", secret: string): Promise<Actor | undefined> => {
    const key = `${kind}:${secret}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const actor =
      kind === "token"
        ? await findTokenActor(options.db, options.clock, secret)
        : await findSessionActor(options.db, options.clock, secret);
    if (actor) cache.set(key, actor);
    return actor;
  };

  app.addHook("onRequest", async (request) => {
    const required = request.routeOptions.config.role ?? "public";
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await resolve("token", match[1]!) : undefined;
      if (!actor) throw new DomainError("UNAUTHENTICATED", "the bearer token is unknown, revoked or expired");
      request.actor = actor;
      request.authVia = "token";
    } else {
      const sessionId = request.cookies[SESSION_COOKIE];
      const actor = sessionId ? await resolve("session", sessionId) : undefined;
      if (actor) {
        request.actor = actor;
        request.authVia = "session";
      }
    }
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && (request.authVia === "session" || request.headers.origin) && !isSameOrigin(request)) {
      throw new DomainError(
        "FORBIDDEN",
        "cross-site request refused: send Origin matching this site, or use a bearer token",
      );
    }
    if (required === "public") return;
    if (!request.actor)
      throw new DomainError("UNAUTHENTICATED", "sign in or send Authorization: Bearer <token>");
    if (request.actor.kind !== "user" || !roleAtLeast(request.actor.role, required)) {
      throw new DomainError("FORBIDDEN", `this needs the ${required} role`);
    }
  });

  app.addHook("onResponse", async (request) => {
    if (!SAFE_METHODS.has(request.method) && IDENTITY_ROUTES.test(request.url)) cache.clear();
  });

  return routes;
}

/** The domain context for a request that passed its role check. */
export function ctxOf(request: FastifyRequest, db: Db, clock: Clock): Ctx {
  if (!request.actor)
    throw new DomainError("UNAUTHENTICATED", "sign in or send Authorization: Bearer <token>");
  return { db, clock, actor: request.actor };
}
