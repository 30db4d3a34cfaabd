import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActionItem } from "../../actions/action-item.ts";
import { addWhy } from "../../analysis/add-why.ts";
import { editWhy } from "../../analysis/edit-why.ts";
import { getWhyForest } from "../../analysis/five-whys.repository.ts";
import { removeWhy } from "../../analysis/remove-why.ts";
import { AddWhyInput, EditWhyInput, WhyNode, WhyToActionItemInput } from "../../analysis/why-node.ts";
import { turnWhyIntoActionItem } from "../../analysis/why-to-action-item.ts";
import { getPostmortemRefOrThrow } from "../../incidents/incident.repository.ts";
import type { AppDeps } from "../app.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { ctxOf } from "../auth.ts";
import { optionalIfMatch, requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";

const tags = ["five whys"];
const WhyParams = KeyParams.extend({ id: RowIdParam });

export function whyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/postmortem/whys",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "The post-mortem's five-whys analyses: roots in order, answers nested",
          params: KeyParams,
          response: { 200: z.array(WhyNode) },
        },
      },
      async (request) => {
        const { postmortemId } = await getPostmortemRefOrThrow(deps.db, request.params.key);
        return getWhyForest(deps.db, postmortemId);
      },
    );

    app.post(
      "/api/v1/incidents/:key/postmortem/whys",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Answer a why, or start a new analysis with parentId null",
          params: KeyParams,
          body: AddWhyInput,
          response: { 201: WhyNode },
        },
      },
      async (request, reply) => {
        const why = await addWhy(ctxOf(request, deps.db, deps.clock), request.params.key, request.body);
        return withEtag(reply.code(201), why);
      },
    );

    app.patch(
      "/api/v1/incidents/:key/postmortem/whys/:id",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Reword, reorder or move a why with its answers (needs If-Match)",
          params: WhyParams,
          body: EditWhyInput,
          response: { 200: WhyNode },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        const { key, id } = request.params;
        return withEtag(reply, await editWhy(ctx, key, id, request.body, expected));
      },
    );

    app.delete(
      "/api/v1/incidents/:key/postmortem/whys/:id",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Remove a why and its answers; action items made from them stay",
          params: WhyParams,
        },
      },
      async (request, reply) => {
        const expected = optionalIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        await removeWhy(ctx, request.params.key, request.params.id, expected);
        return reply.code(204).send();
      },
    );

    app.post(
      "/api/v1/incidents/:key/postmortem/whys/:id/action-item",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Turn a why without answers into an action item (once)",
          params: WhyParams,
          body: WhyToActionItemInput.nullish(),
          response: { 201: ActionItem },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const { key, id } = request.params;
        const item = await turnWhyIntoActionItem(ctx, key, id, request.body ?? {});
        reply.code(201).header("location", `/api/v1/action-items/${item.id}`);
        return withEtag(reply, item);
      },
    );
  };
}
