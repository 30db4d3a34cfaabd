import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, listUsers, updateUser } from "../../users/manage-users.ts";
import { listUserTokens } from "../../users/list-user-tokens.ts";
import { revokeUserToken } from "../../users/revoke-user-token.ts";
import { ApiToken, CreateUserInput, UpdateUserInput, User } from "../../users/user.ts";
import type { AppDeps } from "../app.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";

const tags = ["users"];
const IdParams = z.strictObject({ id: RowIdParam });
const TokenParams = z.strictObject({ id: RowIdParam, tokenId: RowIdParam });

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/users",
      {
        config: { role: "admin" },
        schema: { tags, summary: "List users", response: { 200: z.array(User) } },
      },
      async (request) => listUsers(ctxOf(request, deps.db, deps.clock)),
    );

    app.post(
      "/api/v1/users",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Create a user; without a password one is generated and returned once",
          body: CreateUserInput,
          response: { 201: z.object({ user: User, generatedPassword: z.string().nullable() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createUser(ctxOf(request, deps.db, deps.clock), request.body)),
    );

    app.patch(
      "/api/v1/users/:id",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Change a user's name, role or password (needs If-Match)",
          params: IdParams,
          body: UpdateUserInput,
          response: { 200: User },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateUser(ctx, request.params.id, request.body, expected));
      },
    );

    app.get(
      "/api/v1/users/:id/tokens",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "List a user's API tokens (names and prefixes, never the secrets)",
          params: IdParams,
          response: { 200: z.array(ApiToken) },
        },
      },
      async (request) => listUserTokens(ctxOf(request, deps.db, deps.clock), request.params.id),
    );

    app.delete(
      "/api/v1/users/:id/tokens/:tokenId",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Revoke one of a user's API tokens; 404 when the token is not that user's",
          params: TokenParams,
          response: { 204: z.null().meta({ description: "Revoked (or already revoked)" }) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        await revokeUserToken(ctx, request.params.id, request.params.tokenId);
        return reply.code(204).send(null);
      },
    );
  };
}
