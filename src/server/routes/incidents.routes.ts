import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createIncident } from "../../incidents/create-incident.ts";
import { getIncidentOrThrow, listIncidents } from "../../incidents/incident.repository.ts";
import {
  CreateIncidentInput,
  Incident,
  IncidentKey,
  IncidentListQuery,
  UpdateIncidentInput,
} from "../../incidents/incident.ts";
import { updateIncident } from "../../incidents/update-incident.ts";
import { pageOf } from "../../shared/page.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";

export const KeyParams = z.strictObject({ key: IncidentKey });
const tags = ["incidents"];

export function incidentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "List incidents, newest first",
          querystring: IncidentListQuery,
          response: { 200: pageOf(Incident) },
        },
      },
      async (request) => listIncidents(deps.db, request.query),
    );

    app.post(
      "/api/v1/incidents",
      {
        config: { role: "editor" },
        schema: { tags, summary: "Open an incident", body: CreateIncidentInput, response: { 201: Incident } },
      },
      async (request, reply) => {
        const incident = await createIncident(ctxOf(request, deps.db, deps.clock), request.body);
        reply.code(201).header("location", `/api/v1/incidents/${incident.key}`);
        return withEtag(reply, incident);
      },
    );

    app.get(
      "/api/v1/incidents/:key",
      {
        config: { role: "viewer" },
        schema: { tags, summary: "Read an incident", params: KeyParams, response: { 200: Incident } },
      },
      async (request, reply) => withEtag(reply, await getIncidentOrThrow(deps.db, request.params.key)),
    );

    app.patch(
      "/api/v1/incidents/:key",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Edit an incident or move its status forward (needs If-Match)",
          params: KeyParams,
          body: UpdateIncidentInput,
          response: { 200: Incident },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateIncident(ctx, request.params.key, request.body, expected));
      },
    );
  };
}
