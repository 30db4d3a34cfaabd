import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pingDatabase } from "../../db/connect.ts";
import type { AppDeps } from "../app.ts";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["ok", "unreachable"]) });

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      {
        config: { role: "public" },
        schema: {
          tags: ["meta"],
          summary: "Liveness and database reachability",
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) =>
        (await pingDatabase(deps.db))
          ? { status: "ok" as const, database: "ok" as const }
          : reply.code(503).send({ status: "unavailable" as const, database: "unreachable" as const }),
    );
  };
}
