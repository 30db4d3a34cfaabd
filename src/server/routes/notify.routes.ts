import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getChannelOrThrow, listChannels } from "../../notify/channel.repository.ts";
import { createChannel } from "../../notify/create-channel.ts";
import { deleteChannel } from "../../notify/delete-channel.ts";
import { listDeliveries } from "../../notify/delivery.repository.ts";
import {
  Channel,
  CreateChannelInput,
  Delivery,
  DeliveryListQuery,
  UpdateChannelInput,
} from "../../notify/notification.ts";
import { retryDelivery } from "../../notify/retry-delivery.ts";
import { updateChannel } from "../../notify/update-channel.ts";
import { RowIdParam } from "../../shared/ids.ts";
import { pageOf } from "../../shared/page.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { optionalIfMatch, requireIfMatch, withEtag } from "../versioning.ts";

const IdParams = z.strictObject({ id: RowIdParam });
const CHANNELS = "/api/v1/notification-channels";
const tags = ["notifications"];

export function notifyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      CHANNELS,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "List notification channels (secrets are never shown)",
          response: { 200: z.array(Channel) },
        },
      },
      async () => listChannels(deps.db),
    );

    app.post(
      CHANNELS,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Add an e-mail, Slack or signed webhook channel",
          body: CreateChannelInput,
          response: { 201: Channel },
        },
      },
      async (request, reply) => {
        const channel = await createChannel(ctxOf(request, deps.db, deps.clock), request.body);
        reply.code(201).header("location", `${CHANNELS}/${channel.id}`);
        return withEtag(reply, channel);
      },
    );

    app.get(
      `${CHANNELS}/:id`,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Read a notification channel",
          params: IdParams,
          response: { 200: Channel },
        },
      },
      async (request, reply) => withEtag(reply, await getChannelOrThrow(deps.db, request.params.id)),
    );

    app.patch(
      `${CHANNELS}/:id`,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Change a channel's name, target, secret, events or enabled flag (needs If-Match)",
          params: IdParams,
          body: UpdateChannelInput,
          response: { 200: Channel },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateChannel(ctx, request.params.id, request.body, expected));
      },
    );

    app.delete(
      `${CHANNELS}/:id`,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Remove a channel; its unsent deliveries fail",
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteChannel(ctxOf(request, deps.db, deps.clock), request.params.id, optionalIfMatch(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/deliveries",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "List e-mails and posts sent or to send, newest first (failed ones keep their last error)",
          querystring: DeliveryListQuery,
          response: { 200: pageOf(Delivery) },
        },
      },
      async (request) => listDeliveries(deps.db, request.query),
    );

    app.post(
      "/api/v1/deliveries/:id/retry",
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary: "Send a failed delivery again at the next pass",
          params: IdParams,
          response: { 200: Delivery },
        },
      },
      async (request) => retryDelivery(ctxOf(request, deps.db, deps.clock), request.params.id),
    );
  };
}
