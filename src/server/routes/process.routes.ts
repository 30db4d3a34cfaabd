import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  listPostmortemDeadlines,
  PostmortemDeadlineItem,
  PostmortemDeadlineQuery,
} from "../../process/overdue.ts";
import { pageOf } from "../../shared/page.ts";
import type { AppDeps } from "../app.ts";

const tags = ["post-mortems"];

export function processRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/postmortems",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary:
            "List post-mortems by deadline state (overdue, due, on_track), the most overdue first; incidents that need none are left out",
          querystring: PostmortemDeadlineQuery,
          response: { 200: pageOf(PostmortemDeadlineItem) },
        },
      },
      async (request) => listPostmortemDeadlines(deps.db, deps.clock, request.query),
    );
  };
}
