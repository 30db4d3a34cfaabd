import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

// Placeholder registered by the lead; the insights helper fills it in.
export function insightsRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
