import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  getActionItemOrThrow,
  listActionItems,
  listIncidentActionItems,
} from "../../actions/action-item.repository.ts";
import {
  ActionItem,
  ActionItemListQuery,
  CreateActionItemInput,
  ServiceActionCountsList,
  UpdateActionItemInput,
} from "../../actions/action-item.ts";
import { countActionItemsByService } from "../../actions/count-action-items-by-service.ts";
import { createActionItem } from "../../actions/create-action-item.ts";
import { updateActionItem } from "../../actions/update-action-item.ts";
import { getPostmortemRefOrThrow } from "../../incidents/incident.repository.ts";
import { PageQuery, pageOf } from "../../shared/page.ts";
import type { AppDeps } from "../app.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";

const tags = ["action items"];
const IdParams = z.strictObject({ id: RowIdParam });

export function actionItemRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/action-items",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "List a post-mortem's action items in the order they were added",
          params: KeyParams,
          querystring: PageQuery.strict(),
          response: { 200: pageOf(ActionItem) },
        },
      },
      async (request) => {
        const { postmortemId } = await getPostmortemRefOrThrow(deps.db, request.params.key);
        return listIncidentActionItems(deps.db, deps.clock, postmortemId, request.query);
      },
    );

    app.post(
      "/api/v1/incidents/:key/action-items",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Add an action item to a post-mortem",
          params: KeyParams,
          body: CreateActionItemInput,
          response: { 201: ActionItem },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const item = await createActionItem(ctx, request.params.key, request.body);
        reply.code(201).header("location", `/api/v1/action-items/${item.id}`);
        return withEtag(reply, item);
      },
    );

    app.get(
      "/api/v1/action-items",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Action items across all post-mortems, soonest due first",
          querystring: ActionItemListQuery,
          response: { 200: pageOf(ActionItem) },
        },
      },
      async (request) => listActionItems(deps.db, deps.clock, request.query),
    );

    // A static path: Fastify's router prefers it to `/api/v1/action-items/:id` whatever the order.
    app.get(
      "/api/v1/action-items/services",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Each service's open, overdue and done action items, most overdue first",
          response: { 200: ServiceActionCountsList },
        },
      },
      async (request) => countActionItemsByService(ctxOf(request, deps.db, deps.clock)),
    );

    app.get(
      "/api/v1/action-items/:id",
      {
        config: { role: "viewer" },
        schema: { tags, summary: "Read an action item", params: IdParams, response: { 200: ActionItem } },
      },
      async (request, reply) =>
        withEtag(reply, await getActionItemOrThrow(deps.db, deps.clock, request.params.id)),
    );

    app.patch(
      "/api/v1/action-items/:id",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Edit an action item or change its status (needs If-Match)",
          params: IdParams,
          body: UpdateActionItemInput,
          response: { 200: ActionItem },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateActionItem(ctx, request.params.id, request.body, expected));
      },
    );
  };
}
