import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { lintPostmortem, PostmortemLint } from "../../lint/lint-postmortem.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { KeyParams } from "./incidents.routes.ts";

export function lintRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/postmortem/lint",
      {
        config: { role: "viewer" },
        schema: {
          tags: ["post-mortems"],
          summary:
            "Check the post-mortem for blame, shallow fixes, weak action items and gaps, with a 0–100 score",
          params: KeyParams,
          response: { 200: PostmortemLint },
        },
      },
      async (request) => lintPostmortem(ctxOf(request, deps.db, deps.clock), request.params.key),
    );
  };
}
