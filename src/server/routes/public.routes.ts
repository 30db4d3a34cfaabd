import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

// Placeholder registered by the lead; the public helper fills it in.
export function publicRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
