import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";
import type { Executor } from "../db/connect.ts";
import type { MeetingRow } from "../db/database.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { findMeetingRow } from "../postmortems/postmortem.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { agendaSections, toAgenda, type Agenda } from "./agenda.ts";

export interface MeetingInvite {
  filename: string;
  contentType: string;
  body: string;
}

interface Person {
  name: string;
  email: string | null;
}

/** Where people reach Hindsight: HINDSIGHT_PUBLIC_URL, else the address the request came to. */
export interface InviteSite {
  baseUrl: string;
}

/** The web page of an incident's post-mortem, as linked from invitations. */
export function postmortemLink(site: InviteSite, incidentKey: string): string {
  return `${site.baseUrl.replace(/\/+$/, "")}/incidents/${incidentKey}/postmortem`;
}

function describe(
  agenda: Agenda,
  start: Date,
  incident: { key: string; title: string; severity: string },
  link: string,
): string {
  const clock = (minute: number) => new Date(start.getTime() + minute * 60_000).toISOString().slice(11, 16);
  const lines = agenda.sections.map(
    (s) => `+${s.startMinute} min (${clock(s.startMinute)} UTC): ${s.title} (${s.minutes} min)`,
  );
  return [
    `Blameless review of ${incident.key} (${incident.severity}): ${incident.title}`,
    "We look at how the system and our processes allowed this to happen, not at who to blame.",
    "",
    `Agenda (${agenda.totalMinutes} minutes):`,
    ...lines,
    "",
    `Post-mortem: ${link}`,
  ].join("\n");
}

// A calendar needs an address for the organizer of a request; the facilitator's comes from their
// account, or from the attendee list; without one, replies go to a no-reply address of this site.
async function organizerOf(db: Executor, row: MeetingRow, attendees: Person[], host: string) {
  const name = row.facilitator ?? "Hindsight";
  let email: string | null = null;
  if (row.facilitatorUserId !== null) {
    const user = await db
      .selectFrom("users")
      .select("email")
      .where("id", "=", row.facilitatorUserId)
      .executeTakeFirst();
    email = user?.email ?? null;
  }
  const folded = name.toLocaleLowerCase("und");
  email ??= attendees.find((a) => a.email && a.name.toLocaleLowerCase("und") === folded)?.email ?? null;
  return { name, email: email ?? `noreply@${host}` };
}

/**
 * An RFC 5545 invitation (METHOD:REQUEST) to an incident's scheduled review meeting, carrying the
 * agenda and a link; its UID stays the same and its SEQUENCE is the meeting's version, so a re-sent
 * invitation updates the event in calendars. NOT_FOUND without a meeting, CONFLICT until it is scheduled.
 */
export async function meetingInvite(ctx: Ctx, incidentKey: string, site: InviteSite): Promise<MeetingInvite> {
  const db = ctx.db;
  const ref = await getPostmortemRefOrThrow(db, incidentKey);
  const row = await findMeetingRow(db, ref.postmortemId);
  if (!row) throw DomainError.notFound(`the review meeting of ${ref.incidentKey}`);
  if (!row.scheduledAt) {
    throw new DomainError("CONFLICT", `the review meeting of ${ref.incidentKey} is not scheduled yet`, [
      { path: "scheduledAt", message: "is not set: schedule the meeting first" },
    ]);
  }
  const [incident, attendees, sections] = await Promise.all([
    db
      .selectFrom("incidents")
      .select(["title", "severity"])
      .where("id", "=", ref.incidentId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("meetingAttendees")
      .select(["name", "email"])
      .where("postmortemId", "=", ref.postmortemId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    agendaSections(db, row),
  ]);
  const host = new URL(site.baseUrl).hostname;
  const link = postmortemLink(site, ref.incidentKey);
  const start = new Date(row.scheduledAt);
  const calendar = ical({
    prodId: { company: "Hindsight", product: "Hindsight", language: "EN" },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `postmortem-${ref.incidentKey}@${host}`,
    sequence: row.version,
    stamp: ctx.clock.now(),
    created: new Date(row.createdAt),
    lastModified: new Date(row.updatedAt),
    start,
    end: new Date(start.getTime() + row.durationMinutes * 60_000),
    summary: `Post-mortem review: ${ref.incidentKey} ${incident.title}`,
    description: describe(toAgenda(sections, row), start, { key: ref.incidentKey, ...incident }, link),
    url: link,
    organizer: await organizerOf(db, row, attendees, host),
    attendees: attendees
      .filter((a): a is Person & { email: string } => a.email !== null)
      .map((a) => ({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      })),
  });
  return {
    filename: `${ref.incidentKey}-review.ics`,
    contentType: "text/calendar; charset=utf-8",
    body: calendar.toString(),
  };
}
