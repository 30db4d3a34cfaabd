import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ChecklistItemKey } from "../../postmortems/checklist.ts";
import {
  findMeeting,
  getMeetingOrThrow,
  getPostmortemOrThrow,
} from "../../postmortems/postmortem.repository.ts";
import {
  Meeting,
  Postmortem,
  UpdateMeetingInput,
  UpdatePostmortemInput,
} from "../../postmortems/postmortem.ts";
import { tickChecklistItem, untickChecklistItem } from "../../postmortems/tick-checklist-item.ts";
import { updateMeeting } from "../../postmortems/update-meeting.ts";
import { updatePostmortem } from "../../postmortems/update-postmortem.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";

const ItemParams = KeyParams.extend({ item: ChecklistItemKey });
const tags = ["post-mortems"];
const base = "/api/v1/incidents/:key/postmortem";

export function postmortemRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  // The first write may come without If-Match and then counts as "there was no meeting" (version 0),
  // so two people creating it at once cannot overwrite each other; once it exists, If-Match is required.
  async function meetingIfMatch(request: FastifyRequest, key: string): Promise<number | undefined> {
    if (!request.headers["if-match"] && !(await findMeeting(deps.db, key))) return 0;
    return requireIfMatch(request);
  }

  return async (app) => {
    app.get(
      base,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Read an incident's post-mortem",
          params: KeyParams,
          response: { 200: Postmortem },
        },
      },
      async (request, reply) =>
        withEtag(reply, await getPostmortemOrThrow(deps.db, request.params.key, deps.clock.now())),
    );

    app.patch(
      base,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Edit post-mortem sections; a list given replaces the stored one (needs If-Match)",
          params: KeyParams,
          body: UpdatePostmortemInput,
          response: { 200: Postmortem },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updatePostmortem(ctx, request.params.key, request.body, expected));
      },
    );

    app.get(
      `${base}/meeting`,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Read the review meeting (404 until it is first written)",
          params: KeyParams,
          response: { 200: Meeting },
        },
      },
      async (request, reply) => withEtag(reply, await getMeetingOrThrow(deps.db, request.params.key)),
    );

    app.patch(
      `${base}/meeting`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Schedule or record the review meeting (If-Match needed once it exists)",
          params: KeyParams,
          body: UpdateMeetingInput,
          response: { 200: Meeting },
        },
      },
      async (request, reply) => {
        const expected = await meetingIfMatch(request, request.params.key);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateMeeting(ctx, request.params.key, request.body, expected));
      },
    );

    app.put(
      `${base}/checklist/:item`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Tick a checklist item (a second tick keeps the first)",
          params: ItemParams,
          response: { 200: Postmortem },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await tickChecklistItem(ctx, request.params.key, request.params.item));
      },
    );

    app.delete(
      `${base}/checklist/:item`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Clear a checklist item's tick",
          params: ItemParams,
          response: { 200: Postmortem },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await untickChecklistItem(ctx, request.params.key, request.params.item));
      },
    );
  };
}
