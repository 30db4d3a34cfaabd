import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

// Placeholder registered by the lead; the external helper fills it in.
export function externalRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
