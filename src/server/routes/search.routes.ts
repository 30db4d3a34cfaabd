import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { searchPostmortems } from "../../search/search-postmortems.ts";
import { SearchQuery, SearchResults } from "../../search/search.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";

const tags = ["search"];

export function searchRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/search",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Search post-mortems: every word must match, best match first, with marked snippets",
          querystring: SearchQuery,
          response: { 200: SearchResults },
        },
      },
      async (request) => searchPostmortems(ctxOf(request, deps.db, deps.clock), request.query),
    );
  };
}
