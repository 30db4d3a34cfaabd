import type { Executor, Trx } from "../db/connect.ts";
import type { MeetingRow } from "../db/database.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { DomainError } from "../shared/errors.ts";
import { deadlinesFor } from "../process/deadlines.ts";
import { evaluatePolicy, loadPolicySubject, requiredView } from "../process/policy.ts";
import { getProcessSettings } from "../process/settings.ts";
import { checklistItemsFor } from "./checklist.ts";
import type { Attendee, Meeting, Postmortem } from "./postmortem.ts";

function secondsBetween(from: string, to: string | null): number | null {
  return to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 1000);
}

export function toMeeting(row: MeetingRow, attendees: Attendee[]): Meeting {
  return {
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    facilitator: row.facilitator,
    heldAt: row.heldAt,
    attendees,
    notes: JSON.parse(row.notes) as Record<string, string>,
    version: row.version,
  };
}

export async function findMeetingRow(db: Executor, postmortemId: number): Promise<MeetingRow | undefined> {
  return db.selectFrom("meetings").selectAll().where("postmortemId", "=", postmortemId).executeTakeFirst();
}

async function loadAttendees(db: Executor, postmortemId: number): Promise<Attendee[]> {
  const rows = await db
    .selectFrom("meetingAttendees")
    .select(["name", "email"])
    .where("postmortemId", "=", postmortemId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ name: row.name, email: row.email }));
}

/** The review meeting of an incident's post-mortem, undefined until someone first writes it. */
export async function findMeeting(db: Executor, incidentKey: string): Promise<Meeting | undefined> {
  const ref = await getPostmortemRefOrThrow(db, incidentKey);
  const [row, attendees] = await Promise.all([
    findMeetingRow(db, ref.postmortemId),
    loadAttendees(db, ref.postmortemId),
  ]);
  return row ? toMeeting(row, attendees) : undefined;
}

export async function getMeetingOrThrow(db: Executor, incidentKey: string): Promise<Meeting> {
  const meeting = await findMeeting(db, incidentKey);
  if (!meeting) throw DomainError.notFound(`the review meeting of ${incidentKey}`);
  return meeting;
}

/**
 * An incident's post-mortem with its lists, meeting and checklist, in a fixed number of queries; whether
 * one is needed and its deadlines are worked out with the process settings as they stand at `now`.
 */
export async function getPostmortemOrThrow(
  db: Executor,
  incidentKey: string,
  now: Date = new Date(),
): Promise<Postmortem> {
  const ref = await getPostmortemRefOrThrow(db, incidentKey);
  const id = ref.postmortemId;
  const [row, factors, lessons, appendix, meeting, attendees, ticks, stated, warnings] = await Promise.all([
    db
      .selectFrom("postmortems")
      .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
      .selectAll("postmortems")
      .select([
        "incidents.startedAt as incidentStartedAt",
        "incidents.detectedAt as incidentDetectedAt",
        "incidents.resolvedAt as incidentResolvedAt",
        "incidents.severity as incidentSeverity",
      ])
      .where("postmortems.id", "=", id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("contributingFactors")
      .select("text")
      .where("postmortemId", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("lessons")
      .select(["kind", "text"])
      .where("postmortemId", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("appendixLinks")
      .select(["title", "url"])
      .where("postmortemId", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    findMeetingRow(db, id),
    loadAttendees(db, id),
    db.selectFrom("checklistTicks").selectAll().where("postmortemId", "=", id).execute(),
    db
      .selectFrom("statedDurations")
      .select(["metric", "label", "raw", "minutes", "note"])
      .where("postmortemId", "=", id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("importWarnings")
      .select(["line", "message"])
      .where("postmortemId", "=", id)
      .orderBy("position")
      .execute(),
  ]);
  const [settings, subject] = await Promise.all([
    getProcessSettings(db),
    loadPolicySubject(db, ref.incidentId),
  ]);
  return {
    incidentKey: ref.incidentKey,
    status: row.status,
    required: requiredView(evaluatePolicy(subject, settings.policy), {
      decision: row.requiredDecision,
      reason: row.requiredReason,
    }),
    summary: row.summary,
    rootCause: row.rootCause,
    contributingFactors: factors.map((f) => f.text),
    detection: row.detection,
    timeToDetectSeconds: secondsBetween(row.incidentStartedAt, row.incidentDetectedAt),
    resolution: row.resolution,
    lessons: {
      wentWell: lessons.filter((l) => l.kind === "went_well").map((l) => l.text),
      toImprove: lessons.filter((l) => l.kind === "to_improve").map((l) => l.text),
    },
    appendix: appendix.map((link) => ({ title: link.title, url: link.url })),
    meeting: meeting ? toMeeting(meeting, attendees) : null,
    deadlines: deadlinesFor(
      {
        resolvedAt: row.incidentResolvedAt,
        meetingHeldAt: meeting?.heldAt ?? null,
        publishedAt: row.publishedAt,
      },
      settings.deadlines,
      now,
    ),
    statedDurations: stated,
    importWarnings: warnings,
    checklist: checklistItemsFor(settings.checklists, row.incidentSeverity).map((item) => {
      const tick = ticks.find((t) => t.itemKey === item.key);
      return {
        item: item.key,
        phase: item.phase,
        tickedBy: tick?.tickedBy ?? null,
        tickedAt: tick?.tickedAt ?? null,
      };
    }),
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Takes the post-mortem's row lock (a write that changes nothing, valid on both dialects), so
 * concurrent writers hand out positions among its action items and whys one after another.
 */
export async function lockPostmortem(trx: Trx, postmortemId: number): Promise<void> {
  await trx
    .updateTable("postmortems")
    .set((eb) => ({ version: eb.ref("version") }))
    .where("id", "=", postmortemId)
    .execute();
}
