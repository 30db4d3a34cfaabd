import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../app.ts";

export function actionItemRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async () => {};
}
