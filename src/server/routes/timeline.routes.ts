import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf } from "../../shared/page.ts";
import { addTimelineEntry } from "../../timeline/add-timeline-entry.ts";
import { deleteTimelineEntry } from "../../timeline/delete-timeline-entry.ts";
import { editTimelineEntry } from "../../timeline/edit-timeline-entry.ts";
import {
  AddTimelineEntryInput,
  EditTimelineEntryInput,
  TimelineEntry,
  TimelineListQuery,
} from "../../timeline/timeline-entry.ts";
import { getTimelineEntryOrThrow, listTimeline } from "../../timeline/timeline.repository.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { optionalIfMatch, requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";
import { RowIdParam } from "../../shared/ids.ts";

const EntryParams = KeyParams.extend({ id: RowIdParam });
const tags = ["timeline"];

export function timelineRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/timeline",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "List an incident's timeline, in order of time then insertion",
          params: KeyParams,
          querystring: TimelineListQuery,
          response: { 200: pageOf(TimelineEntry) },
        },
      },
      async (request) => listTimeline(deps.db, request.params.key, request.query),
    );

    app.post(
      "/api/v1/incidents/:key/timeline",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Add a timeline entry (time defaults to now)",
          params: KeyParams,
          body: AddTimelineEntryInput,
          response: { 201: TimelineEntry },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const entry = await addTimelineEntry(ctx, request.params.key, request.body);
        reply.code(201).header("location", `/api/v1/incidents/${entry.incidentKey}/timeline/${entry.id}`);
        return withEtag(reply, entry);
      },
    );

    app.get(
      "/api/v1/incidents/:key/timeline/:id",
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Read a timeline entry",
          params: EntryParams,
          response: { 200: TimelineEntry },
        },
      },
      async (request, reply) =>
        withEtag(reply, await getTimelineEntryOrThrow(deps.db, request.params.key, request.params.id)),
    );

    app.patch(
      "/api/v1/incidents/:key/timeline/:id",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Correct a timeline entry (needs If-Match)",
          params: EntryParams,
          body: EditTimelineEntryInput,
          response: { 200: TimelineEntry },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        const { key, id } = request.params;
        return withEtag(reply, await editTimelineEntry(ctx, key, id, request.body, expected));
      },
    );

    app.delete(
      "/api/v1/incidents/:key/timeline/:id",
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Remove a timeline entry (If-Match optional)",
          params: EntryParams,
          response: { 204: z.null().meta({ description: "Removed" }) },
        },
      },
      async (request, reply) => {
        const expected = optionalIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        await deleteTimelineEntry(ctx, request.params.key, request.params.id, expected);
        return reply.code(204).send(null);
      },
    );
  };
}
