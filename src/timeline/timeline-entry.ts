import { z } from "zod";
import { DomainError } from "../shared/errors.ts";
import { isInFuture, UtcInstant, UtcTimestamp } from "../shared/time.ts";

export const TimelineKinds = [
  "event",
  "action",
  "decision",
  "observation",
  "alert",
  "communication",
] as const;
export const TimelineKind = z.enum(TimelineKinds);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineSources = [
  "web",
  "api",
  "cli",
  "alertmanager",
  "grafana",
  "pagerduty",
  "webhook",
  "slack-import",
  "markdown-import",
] as const;
export const TimelineSource = z.enum(TimelineSources);
export type TimelineSource = z.infer<typeof TimelineSource>;

const EntryFields = {
  occurredAt: UtcTimestamp.meta({
    description:
      "When it happened (UTC, seconds); may lie in the past, at most 2 minutes ahead of the server",
  }),
  kind: TimelineKind,
  text: z.string().trim().min(1, "is required").max(10_000),
  author: z.string().trim().min(1, "must not be empty").max(200),
};

export const AddTimelineEntryInput = z.strictObject({
  occurredAt: EntryFields.occurredAt.optional().meta({ description: "Defaults to now" }),
  kind: EntryFields.kind.default("event"),
  text: EntryFields.text,
  author: EntryFields.author.optional().meta({ description: "Defaults to the name of whoever records it" }),
  source: TimelineSource.default("api"),
});
export type AddTimelineEntryInput = z.input<typeof AddTimelineEntryInput>;

export const EditTimelineEntryInput = z.strictObject({
  occurredAt: EntryFields.occurredAt.optional(),
  kind: EntryFields.kind.optional(),
  text: EntryFields.text.optional(),
  author: EntryFields.author.optional(),
});
export type EditTimelineEntryInput = z.input<typeof EditTimelineEntryInput>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  incidentKey: z.string().meta({ example: "INC-42" }),
  occurredAt: UtcInstant,
  kind: TimelineKind,
  text: z.string(),
  author: z.string().nullable(),
  source: TimelineSource,
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineListQuery = z.strictObject({
  kind: TimelineKind.optional(),
  from: UtcTimestamp.optional().meta({ description: "Entries that occurred at or after this instant" }),
  to: UtcTimestamp.optional().meta({ description: "Entries that occurred before this instant" }),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().max(200).optional(),
});
export type TimelineListQuery = z.output<typeof TimelineListQuery>;

/** Refuses an `occurredAt` more than the tolerance ahead of `now` (shared with the web app's form check). */
export function assertOccurredAtNotInFuture(occurredAt: string, now: Date): void {
  if (isInFuture(occurredAt, now)) {
    throw DomainError.validation("occurredAt", "must not be in the future");
  }
}
