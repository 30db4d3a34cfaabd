import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

// Placeholder registered by the lead; the similar helper fills it in.
export function similarRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
