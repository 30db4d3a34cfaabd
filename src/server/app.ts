import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Db } from "../db/connect.ts";
import { systemClock, type Clock } from "../shared/clock.ts";
import { installAuth, type RegisteredRoute } from "./auth.ts";
import { documentErrors } from "./document-errors.ts";
import { installErrorHandler } from "./error-handler.ts";
import { actionItemRoutes } from "./routes/action-items.routes.ts";
import { authRoutes } from "./routes/auth.routes.ts";
import { exportRoutes } from "./routes/export.routes.ts";
import { importRoutes } from "./routes/import.routes.ts";
import { insightsRoutes } from "./routes/insights.routes.ts";
import { healthRoutes } from "./routes/health.routes.ts";
import { incidentRoutes } from "./routes/incidents.routes.ts";
import { lintRoutes } from "./routes/lint.routes.ts";
import { notifyRoutes } from "./routes/notify.routes.ts";
import { postmortemRoutes } from "./routes/postmortems.routes.ts";
import { processRoutes } from "./routes/process.routes.ts";
import { externalRoutes } from "./routes/external.routes.ts";
import { publicRoutes } from "./routes/public.routes.ts";
import { searchRoutes } from "./routes/search.routes.ts";
import { similarRoutes } from "./routes/similar.routes.ts";
import { reviewRoutes } from "./routes/review.routes.ts";
import { settingsRoutes } from "./routes/settings.routes.ts";
import { timelineRoutes } from "./routes/timeline.routes.ts";
import { userRoutes } from "./routes/users.routes.ts";
import { whyRoutes } from "./routes/whys.routes.ts";
import { installWeb } from "./web.ts";

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  db: Db;
  clock?: Clock;
  /** `HINDSIGHT_PUBLIC_URL`: its origin may send cookie writes, and https there makes cookies Secure. */
  publicUrl?: string;
  logger?: FastifyServerOptions["logger"];
  trustProxy?: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  signInLimitPerMinute?: number;
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  publicUrl: string | undefined;
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

/** Builds the HTTP app over a migrated database; the caller listens or injects. */
export async function buildApp(options: AppOptions): Promise<App> {
  const deps: AppDeps = { db: options.db, clock: options.clock ?? systemClock, publicUrl: options.publicUrl };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; bodies come from typed mappers, so plain JSON.stringify is enough
  // and keeps zod off the hot path.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);
  documentErrors(app);

  // Cookies are parsed before the auth hook reads them; the hook is installed before any plugin adds
  // routes, so its role check sees every one of them.
  await app.register(cookie);
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const registeredRoutes = installAuth(app, {
    db: deps.db,
    clock: deps.clock,
    trustedOrigins: publicOrigin ? [publicOrigin] : [],
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Hindsight API",
        version: "1",
        description:
          "Blameless post-mortems: incidents, timelines, post-mortems, five whys and action items. " +
          "Authenticate with `Authorization: Bearer <token>` (from `hindsight token create`) or the session cookie. " +
          "Writes to versioned resources need `If-Match` with the ETag you read.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "hindsight_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The web app and the Content-Security-Policy of every HTML response (including the docs below).
  await installWeb(app);
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get("/api/v1/openapi.json", { config: { role: "public" }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps, { signInLimitPerMinute: options.signInLimitPerMinute ?? 10 }));
  await app.register(userRoutes(deps));
  await app.register(incidentRoutes(deps));
  await app.register(timelineRoutes(deps));
  await app.register(postmortemRoutes(deps));
  await app.register(reviewRoutes(deps));
  await app.register(whyRoutes(deps));
  await app.register(actionItemRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(lintRoutes(deps));
  await app.register(notifyRoutes(deps));
  await app.register(settingsRoutes(deps));
  await app.register(processRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(similarRoutes(deps));
  await app.register(externalRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(insightsRoutes(deps));

  await app.ready();
  return Object.assign(app, { registeredRoutes }) as unknown as App;
}
