import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { findSimilar } from "../../similar/find-similar.ts";
import { SimilarIncidents, SimilarQuery } from "../../similar/similar.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { KeyParams } from "./incidents.routes.ts";

export function similarRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/similar",
      {
        config: { role: "viewer" },
        schema: {
          tags: ["search"],
          summary:
            "Similar past incidents: the closest by the text of their title, impact, causes and summary",
          params: KeyParams,
          querystring: SimilarQuery,
          response: { 200: SimilarIncidents },
        },
      },
      async (request) => findSimilar(ctxOf(request, deps.db, deps.clock), request.params.key, request.query),
    );
  };
}
