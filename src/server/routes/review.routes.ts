import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findMeeting } from "../../postmortems/postmortem.repository.ts";
import { Postmortem } from "../../postmortems/postmortem.ts";
import { Agenda, ReplaceAgendaInput, getAgenda, replaceAgenda } from "../../process/agenda.ts";
import { meetingInvite } from "../../process/meeting-invite.ts";
import {
  MeetingModeInput,
  MeetingModeState,
  getMeetingMode,
  moveMeetingMode,
} from "../../process/meeting-mode.ts";
import { PublishPostmortemInput, publishPostmortem } from "../../process/publish-postmortem.ts";
import { submitForReview } from "../../process/submit-for-review.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { optionalIfMatch, requireIfMatch, withEtag } from "../versioning.ts";
import { KeyParams } from "./incidents.routes.ts";

const tags = ["review"];
const base = "/api/v1/incidents/:key/postmortem";

export function reviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  // As for the meeting itself: the first write may come without If-Match ("there was no meeting").
  async function meetingIfMatch(request: FastifyRequest, key: string): Promise<number | undefined> {
    if (!request.headers["if-match"] && !(await findMeeting(deps.db, key))) return 0;
    return requireIfMatch(request);
  }

  return async (app) => {
    app.post(
      `${base}/submit`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Submit a draft post-mortem for review (If-Match optional)",
          params: KeyParams,
          response: { 200: Postmortem },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const expected = optionalIfMatch(request);
        return withEtag(reply, await submitForReview(ctx, request.params.key, expected));
      },
    );

    app.post(
      `${base}/publish`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary:
            "Publish: needs a held meeting with attendees (or an admin's override) and the required sections",
          params: KeyParams,
          body: PublishPostmortemInput.nullish(),
          response: { 200: Postmortem },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        const published = await publishPostmortem(ctx, request.params.key, request.body ?? {}, expected);
        return withEtag(reply, published);
      },
    );

    app.get(
      `${base}/meeting/agenda`,
      {
        config: { role: "viewer" },
        schema: { tags, summary: "Read the meeting's agenda", params: KeyParams, response: { 200: Agenda } },
      },
      async (request, reply) => withEtag(reply, await getAgenda(deps.db, request.params.key)),
    );

    app.put(
      `${base}/meeting/agenda`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Replace the meeting's agenda (If-Match needed once the meeting exists)",
          params: KeyParams,
          body: ReplaceAgendaInput,
          response: { 200: Agenda },
        },
      },
      async (request, reply) => {
        const expected = await meetingIfMatch(request, request.params.key);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await replaceAgenda(ctx, request.params.key, request.body, expected));
      },
    );

    app.get(
      `${base}/meeting.ics`,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Download the calendar invitation (RFC 5545) to the scheduled meeting, with the agenda",
          params: KeyParams,
          produces: ["text/calendar", "application/json"],
          response: { 200: z.string().meta({ description: "text/calendar: one VEVENT, METHOD:REQUEST" }) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const baseUrl = deps.publicUrl ?? `${request.protocol}://${request.host}`;
        const invite = await meetingInvite(ctx, request.params.key, { baseUrl });
        return reply
          .type(invite.contentType)
          .header("content-disposition", `attachment; filename="${invite.filename}"`)
          .send(invite.body);
      },
    );

    app.get(
      `${base}/meeting/mode`,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Where the room is in the meeting: current section and its time left",
          params: KeyParams,
          response: { 200: MeetingModeState },
        },
      },
      async (request, reply) =>
        withEtag(reply, await getMeetingMode(deps.db, deps.clock, request.params.key)),
    );

    app.post(
      `${base}/meeting/mode`,
      {
        config: { role: "editor" },
        schema: {
          tags,
          summary: "Start, move through (next, previous, goto) or end the meeting (If-Match: the meeting's)",
          params: KeyParams,
          body: MeetingModeInput,
          response: { 200: MeetingModeState },
        },
      },
      async (request, reply) => {
        const expected = await meetingIfMatch(request, request.params.key);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await moveMeetingMode(ctx, request.params.key, request.body, expected));
      },
    );
  };
}
