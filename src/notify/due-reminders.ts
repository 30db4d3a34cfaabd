import type { Executor } from "../db/connect.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { deadlinesFor, type Deadline } from "../process/deadlines.ts";
import type { ProcessSettings } from "../process/settings.ts";
import { toUtcIso } from "../shared/time.ts";
import { addDays, DAY_MS, daysBetween, startOfDay } from "./dates.ts";
import {
  actionItemMessage,
  incidentLink,
  meetingDueMessage,
  publishDueMessage,
  type Message,
} from "./message.ts";
import type { ReminderKind } from "./notification.ts";
import { distinctAddresses, loadDirectory, type Directory } from "./recipients.ts";

/** One reminder that is due: its unique key is `kind:subject:due date`, so it is sent once. */
export interface DueReminder {
  key: string;
  kind: ReminderKind;
  subject: string;
  dueAt: string;
  /** People to e-mail; channels subscribed to the kind are added when it is queued. */
  recipients: string[];
  message: Message;
}

/**
 * A meeting or publish reminder whose moment passed longer ago than this is not sent: starting Hindsight on
 * a database of last year's incidents must not flood anyone. Action items stay reminded weekly while open.
 */
export const LATE_LIMIT_DAYS = 7;

const reminderKey = (kind: ReminderKind, subject: string, dueDate: string) => `${kind}:${subject}:${dueDate}`;

async function meetingPeople(db: Executor, postmortemIds: number[], directory: Directory) {
  const people = new Map<number, (string | null)[]>();
  if (postmortemIds.length === 0) return people;
  const attendees = await db
    .selectFrom("meetingAttendees")
    .select(["postmortemId", "name", "email", "userId"])
    .where("postmortemId", "in", postmortemIds)
    .orderBy("postmortemId")
    .orderBy("position")
    .execute();
  for (const a of attendees) {
    const email = a.email ?? directory.emailOfUser(a.userId) ?? directory.emailOf(a.name);
    people.set(a.postmortemId, [...(people.get(a.postmortemId) ?? []), email]);
  }
  return people;
}

async function processReminders(
  db: Executor,
  settings: ProcessSettings,
  now: Date,
  directory: Directory,
  publicUrl: string | undefined,
): Promise<DueReminder[]> {
  const lookbackHours =
    Math.max(settings.deadlines.meetingOverdueHours, settings.deadlines.publishOverdueDays * 24) +
    LATE_LIMIT_DAYS * 24;
  const rows = await db
    .selectFrom("incidents")
    .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
    .leftJoin("meetings", "meetings.postmortemId", "postmortems.id")
    .select([
      "incidents.number",
      "incidents.title",
      "incidents.severity",
      "incidents.resolvedAt",
      "incidents.createdBy",
      "postmortems.id as postmortemId",
      "postmortems.publishedAt",
      "meetings.heldAt",
      "meetings.facilitator",
      "meetings.facilitatorUserId",
    ])
    .where("incidents.resolvedAt", "is not", null)
    .where("incidents.resolvedAt", ">=", toUtcIso(new Date(now.getTime() - lookbackHours * 3_600_000)))
    .where("postmortems.status", "in", ["draft", "in_review"])
    .where((eb) =>
      eb.or([
        eb("postmortems.requiredDecision", "is", null),
        eb("postmortems.requiredDecision", "!=", "skip"),
      ]),
    )
    .orderBy("incidents.number")
    .execute();
  const attendees = await meetingPeople(
    db,
    rows.map((r) => r.postmortemId),
    directory,
  );
  const tooLate = (d: Deadline) => now.getTime() - Date.parse(d.dueAt!) > LATE_LIMIT_DAYS * DAY_MS;
  const due: DueReminder[] = [];
  for (const row of rows) {
    const incident = { key: formatIncidentKey(row.number), title: row.title, severity: row.severity };
    const link = incidentLink(publicUrl, incident.key);
    const deadlines = deadlinesFor(
      { resolvedAt: row.resolvedAt, meetingHeldAt: row.heldAt ?? null, publishedAt: row.publishedAt },
      settings.deadlines,
      now,
    );
    let people = distinctAddresses([
      directory.emailOfUser(row.facilitatorUserId ?? null) ?? directory.emailOf(row.facilitator ?? null),
      ...(attendees.get(row.postmortemId) ?? []),
    ]);
    if (people.length === 0) people = distinctAddresses([directory.emailOfUser(row.createdBy)]);
    const { meeting, publish } = deadlines;
    if ((meeting.state === "due" || meeting.state === "overdue") && !tooLate(meeting)) {
      const key = reminderKey("meeting_due", incident.key, meeting.dueAt!.slice(0, 10));
      const deadline = { dueAt: meeting.dueAt!, overdueAt: meeting.overdueAt };
      const message = meetingDueMessage(key, incident, deadline, link);
      due.push({
        key,
        kind: "meeting_due",
        subject: incident.key,
        dueAt: meeting.dueAt!,
        recipients: people,
        message,
      });
    }
    if ((publish.state === "due" || publish.state === "overdue") && !tooLate(publish)) {
      const key = reminderKey("publish_due", incident.key, publish.dueAt!.slice(0, 10));
      const message = publishDueMessage(key, incident, publish.dueAt!, link);
      due.push({
        key,
        kind: "publish_due",
        subject: incident.key,
        dueAt: publish.dueAt!,
        recipients: people,
        message,
      });
    }
  }
  return due;
}

async function actionItemReminders(
  db: Executor,
  settings: ProcessSettings,
  now: Date,
  directory: Directory,
  publicUrl: string | undefined,
): Promise<DueReminder[]> {
  const today = toUtcIso(now).slice(0, 10);
  const { actionItemDueSoonDays, overdueEveryDays } = settings.reminders;
  const rows = await db
    .selectFrom("actionItems")
    .innerJoin("postmortems", "postmortems.id", "actionItems.postmortemId")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select([
      "actionItems.id",
      "actionItems.title",
      "actionItems.owner",
      "actionItems.ownerUserId",
      "actionItems.dueDate",
      "incidents.number",
    ])
    .where("actionItems.status", "in", ["open", "in_progress"])
    .where("actionItems.dueDate", "is not", null)
    .where("actionItems.dueDate", "<=", addDays(today, actionItemDueSoonDays))
    .orderBy("actionItems.id")
    .execute();
  return rows.map((row) => {
    const dueDate = row.dueDate!;
    const item = {
      id: row.id,
      title: row.title,
      owner: row.owner,
      dueDate,
      incidentKey: formatIncidentKey(row.number),
    };
    const overdue = today > dueDate;
    const kind = overdue ? "action_item_overdue" : "action_item_due_soon";
    // Overdue reminders repeat every `overdueEveryDays` from the first overdue day; each period has its
    // own key, so a period is reminded once however often or late the job runs.
    const firstOverdue = addDays(dueDate, 1);
    const periodStart = overdue
      ? addDays(
          firstOverdue,
          Math.floor(daysBetween(firstOverdue, today) / overdueEveryDays) * overdueEveryDays,
        )
      : dueDate;
    const key = reminderKey(kind, String(row.id), periodStart);
    const dueAt = startOfDay(periodStart);
    const recipients = distinctAddresses([
      directory.emailOfUser(row.ownerUserId) ?? directory.emailOf(row.owner),
    ]);
    const message = actionItemMessage(key, kind, item, dueAt, incidentLink(publicUrl, item.incidentKey));
    return { key, kind, subject: String(row.id), dueAt, recipients, message };
  });
}

/** Every reminder due at `now` (already sent ones included: the caller skips those by key). */
export async function dueReminders(
  db: Executor,
  settings: ProcessSettings,
  now: Date,
  publicUrl: string | undefined,
): Promise<DueReminder[]> {
  const directory = await loadDirectory(db);
  return [
    ...(await processReminders(db, settings, now, directory, publicUrl)),
    ...(await actionItemReminders(db, settings, now, directory, publicUrl)),
  ];
}
