import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../users/api-tokens.ts";
import { getUserOrThrow, toUser } from "../../users/user.repository.ts";
import { signIn, signOut, SESSION_TTL_MS } from "../../users/sessions.ts";
import { changeOwnPassword } from "../../users/change-own-password.ts";
import { ApiToken, ChangePasswordInput, CreateTokenInput, SignInInput, User } from "../../users/user.ts";
import type { AppDeps } from "../app.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { ctxOf, SESSION_COOKIE } from "../auth.ts";

const tags = ["auth"];

export function authRoutes(deps: AppDeps, options: { signInLimitPerMinute: number }): FastifyPluginAsyncZod {
  const secureCookie = deps.publicUrl?.startsWith("https:") ?? false;
  return async (app) => {
    app.post(
      "/api/v1/auth/sign-in",
      {
        config: { role: "public", rateLimit: { max: options.signInLimitPerMinute, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary: "Sign in with e-mail and password; sets the session cookie",
          body: SignInInput,
          response: { 200: User },
        },
      },
      async (request, reply) => {
        const session = await signIn(deps.db, deps.clock, request.body);
        reply.setCookie(SESSION_COOKIE, session.sessionId, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure: secureCookie || request.protocol === "https",
          maxAge: SESSION_TTL_MS / 1000,
        });
        return session.user;
      },
    );

    app.post(
      "/api/v1/auth/sign-out",
      { config: { role: "public" }, schema: { tags, summary: "End the current session" } },
      async (request, reply) => {
        const sessionId = request.cookies[SESSION_COOKIE];
        if (sessionId) await signOut(deps.db, sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.code(204).send();
      },
    );

    app.get(
      "/api/v1/auth/me",
      { config: { role: "viewer" }, schema: { tags, summary: "Who am I", response: { 200: User } } },
      async (request) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        return toUser(await getUserOrThrow(deps.db, ctx.actor.kind === "user" ? ctx.actor.userId : -1));
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        // Limited like sign-in: the current password must not be guessable through this route either.
        config: { role: "viewer", rateLimit: { max: options.signInLimitPerMinute, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary:
            "Change my password (the current one is required); my other sessions end, this one and my API tokens stay",
          body: ChangePasswordInput,
          response: { 204: z.null().meta({ description: "Changed" }) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        await changeOwnPassword(ctx, request.body, request.cookies[SESSION_COOKIE]);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/tokens",
      {
        config: { role: "viewer" },
        schema: { tags, summary: "My API tokens", response: { 200: z.array(ApiToken) } },
      },
      async (request) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        return listApiTokens(deps.db, ctx.actor.kind === "user" ? ctx.actor.userId : -1);
      },
    );

    app.post(
      "/api/v1/tokens",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Create an API token for myself; the secret is in this response only",
          body: CreateTokenInput,
          response: { 201: z.object({ token: ApiToken, secret: z.string() }) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const created = await createApiToken(
          deps.db,
          deps.clock,
          ctx.actor.kind === "user" ? ctx.actor.userId : -1,
          request.body,
        );
        return reply.code(201).send(created);
      },
    );

    app.delete(
      "/api/v1/tokens/:id",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Revoke a token (mine, or anyone's as admin)",
          params: z.strictObject({ id: RowIdParam }),
        },
      },
      async (request, reply) => {
        await revokeApiToken(
          deps.db,
          deps.clock,
          ctxOf(request, deps.db, deps.clock).actor,
          request.params.id,
        );
        return reply.code(204).send();
      },
    );
  };
}
