import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

export function whyRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
