import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, listUsers, updateUser } from "../../users/manage-users.ts";
import { CreateUserInput, UpdateUserInput, User } from "../../users/user.ts";
import type { AppDeps } from "../app.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";

const tags = ["users"];
const IdParams = z.strictObject({ id: RowIdParam });

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
  };
}
