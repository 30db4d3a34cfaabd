import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

// Placeholder registered by the lead; the search helper fills it in.
export function searchRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
