import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { approveExternalVersion } from "../../external/approve-external-version.ts";
import { createExternalVersion } from "../../external/create-external-version.ts";
import { dismissRedactionFlag } from "../../external/dismiss-redaction-flag.ts";
import {
  CreateExternalVersionInput,
  DismissRedactionFlagInput,
  ExternalVersion,
  UpdateExternalVersionInput,
  withPublicUrl,
} from "../../external/external-version.ts";
import { getExternalVersion } from "../../external/get-external-version.ts";
import { publishExternalVersion } from "../../external/publish-external-version.ts";
import { unpublishExternalVersion } from "../../external/unpublish-external-version.ts";
import { updateExternalVersion } from "../../external/update-external-version.ts";
import type { Ctx } from "../../shared/context.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { optionalIfMatch, requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";

const tags = ["external"];
const base = "/api/v1/incidents/:key/external";
const ACTIONS = {
  approve: {
    verb: approveExternalVersion,
    summary:
      "Approve for publishing: someone other than the author and last editor, no open redaction flags (If-Match optional)",
  },
  publish: {
    verb: publishExternalVersion,
    summary: "Publish the approved version on the public pages and the feed, and notify channels",
  },
  unpublish: {
    verb: unpublishExternalVersion,
    summary: "Remove the publication from the public pages and the feed",
  },
} as const;

export function externalRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const ctx = (request: FastifyRequest): Ctx => ctxOf(request, deps.db, deps.clock);
  const present = (reply: FastifyReply, version: ExternalVersion) =>
    withEtag(reply, withPublicUrl(version, deps.publicUrl));

  return async (app) => {
    app.get(
      base,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Read the customer-facing version with its redaction flags (404 when none yet)",
          params: KeyParams,
          response: { 200: ExternalVersion },
        },
      },
      async (request, reply) => present(reply, await getExternalVersion(ctx(request), request.params.key)),
    );

    app.post(
      base,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Start the customer-facing version of a customer-impacting incident",
          params: KeyParams,
          body: CreateExternalVersionInput.nullish(),
          response: { 201: ExternalVersion },
        },
      },
      async (request, reply) => {
        const created = await createExternalVersion(ctx(request), request.params.key, request.body ?? {});
        reply.code(201).header("location", `/api/v1/incidents/${created.incidentKey}/external`);
        return present(reply, created);
      },
    );

    app.patch(
      base,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Edit the customer-facing texts (needs If-Match); a change returns it to draft",
          params: KeyParams,
          body: UpdateExternalVersionInput,
          response: { 200: ExternalVersion },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const updated = await updateExternalVersion(ctx(request), request.params.key, request.body, expected);
        return present(reply, updated);
      },
    );

    app.post(
      `${base}/flags/dismiss`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Dismiss an open redaction flag with a reason (If-Match optional)",
          params: KeyParams,
          body: DismissRedactionFlagInput,
          response: { 200: ExternalVersion },
        },
      },
      async (request, reply) => {
        const expected = optionalIfMatch(request);
        const result = await dismissRedactionFlag(ctx(request), request.params.key, request.body, expected);
        return present(reply, result);
      },
    );

    for (const [action, { verb, summary }] of Object.entries(ACTIONS)) {
      app.post(
        `${base}/${action}`,
        {
          config: { role: "editor" },
          schema: { tags, summary, params: KeyParams, response: { 200: ExternalVersion } },
        },
        async (request, reply) => {
          const expected = optionalIfMatch(request);
          return present(reply, await verb(ctx(request), request.params.key, expected));
        },
      );
    }
  };
}
