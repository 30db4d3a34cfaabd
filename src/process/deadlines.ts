import { z } from "zod";
import { toUtcIso, UtcInstant } from "../shared/time.ts";
import type { ProcessSettings } from "./settings.ts";

// The post-mortem schema (shared with the web app) imports this file: no database, no Node built-ins here.

export const DeadlineStates = ["on_track", "due", "overdue", "met"] as const;
export const DeadlineState = z.enum(DeadlineStates);
export type DeadlineState = z.infer<typeof DeadlineState>;

export const Deadline = z.object({
  state: DeadlineState,
  dueAt: UtcInstant.nullable().meta({ description: "From then on the step is due; null until resolution" }),
  overdueAt: UtcInstant.nullable().meta({ description: "From then on the step is overdue" }),
  secondsLeft: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Until overdueAt, negative once past; null when met or not yet resolved" }),
});
export type Deadline = z.infer<typeof Deadline>;

export const Deadlines = z.object({ meeting: Deadline, publish: Deadline });
export type Deadlines = z.infer<typeof Deadlines>;

const HOUR_MS = 60 * 60 * 1000;
const PUBLISH_DUE_WINDOW_HOURS = 24;

interface Window {
  /** The instant reported as `dueAt`. */
  dueAt: Date;
  /** From when the state is `due` (publishing reports its overdue instant as the due date). */
  dueFrom: Date;
  overdueAt: Date;
}

function deadline(doneAt: string | null, window: Window | null, now: Date): Deadline {
  const dueAt = window && toUtcIso(window.dueAt);
  const overdueAt = window && toUtcIso(window.overdueAt);
  if (doneAt !== null) return { state: "met", dueAt, overdueAt, secondsLeft: null };
  if (window === null) return { state: "on_track", dueAt: null, overdueAt: null, secondsLeft: null };
  const t = now.getTime();
  const state =
    t >= window.overdueAt.getTime() ? "overdue" : t >= window.dueFrom.getTime() ? "due" : "on_track";
  return { state, dueAt, overdueAt, secondsLeft: Math.floor((window.overdueAt.getTime() - t) / 1000) };
}

/**
 * Where the review meeting and the publishing stand at `now`: both run from the incident's resolution,
 * the meeting due after `meetingDueHours` and overdue after `meetingOverdueHours`, publishing overdue after
 * `publishOverdueDays` and due in the last day before that; a step done is `met`.
 */
export function deadlinesFor(
  input: { resolvedAt: string | null; meetingHeldAt: string | null; publishedAt: string | null },
  settings: ProcessSettings["deadlines"],
  now: Date,
): Deadlines {
  if (input.resolvedAt === null) {
    return {
      meeting: deadline(input.meetingHeldAt, null, now),
      publish: deadline(input.publishedAt, null, now),
    };
  }
  const resolved = Date.parse(input.resolvedAt);
  const after = (hours: number) => new Date(resolved + hours * HOUR_MS);
  const meetingDue = after(settings.meetingDueHours);
  // An overdue time set below the due time would make "due" impossible; the later of the two wins.
  const meetingOverdue = after(Math.max(settings.meetingOverdueHours, settings.meetingDueHours));
  const publishOverdue = after(settings.publishOverdueDays * 24);
  const publishDueFrom = new Date(publishOverdue.getTime() - PUBLISH_DUE_WINDOW_HOURS * HOUR_MS);
  return {
    meeting: deadline(
      input.meetingHeldAt,
      { dueAt: meetingDue, dueFrom: meetingDue, overdueAt: meetingOverdue },
      now,
    ),
    publish: deadline(
      input.publishedAt,
      { dueAt: publishOverdue, dueFrom: publishDueFrom, overdueAt: publishOverdue },
      now,
    ),
  };
}
