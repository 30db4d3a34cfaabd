import type { FastifyInstance } from "fastify";
import { z } from "zod";

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: "urn:hindsight:problem:validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ path: z.string().meta({ example: "startedAt" }), message: z.string() }))
      .optional()
      .meta({ description: "One entry per offending field (validation errors)" }),
  })
  .meta({ id: "Problem", description: "application/problem+json (RFC 9457)" });

const DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input; `errors` names each field",
  401: "Not signed in, or the bearer token is unknown, revoked or expired",
  403: "Your role does not allow this, or a cross-site cookie write",
  404: "Not found",
  409: "Conflicts with the current state",
  412: "If-Match names a version that is no longer current; nothing changed",
  428: "If-Match is required",
  429: "Too many attempts",
};

/**
 * Adds the problem+json error responses each route can give to its OpenAPI description, from what the
 * route declares (role, input schemas, method), so the document stays true without per-route lists.
 */
export function documentErrors(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (!route.schema || route.schema.hide) return;
    const method = [route.method].flat()[0];
    const role = (route.config as { role?: string } | undefined)?.role;
    const statuses = new Set<number>();
    if (route.schema.body || route.schema.querystring || route.schema.params) statuses.add(400);
    if (role && role !== "public") [401, 403].forEach((s) => statuses.add(s));
    if (route.schema.params) statuses.add(404);
    if (method === "POST" || method === "PATCH" || method === "PUT" || method === "DELETE") statuses.add(409);
    if (method === "PATCH") [412, 428].forEach((s) => statuses.add(s));
    if (method === "DELETE") statuses.add(412);
    const response = { ...((route.schema.response as Record<string, unknown> | undefined) ?? {}) };
    for (const status of statuses) {
      response[status] ??= ProblemSchema.meta({ description: DESCRIPTIONS[status] });
    }
    route.schema = { ...route.schema, response };
  });
}
