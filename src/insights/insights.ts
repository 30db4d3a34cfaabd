import { z } from "zod";
import { Severity } from "../incidents/incident.ts";
import { CalendarDate, UtcInstant, UtcTimestamp } from "../shared/time.ts";

/** The longest period one report covers. */
export const MAX_PERIOD_YEARS = 5;
/** A post-mortem published at most this long after the incident was resolved counts as "within a week". */
export const PUBLISH_WITHIN_DAYS = 7;

/** A period bound: a date `YYYY-MM-DD` (midnight UTC) or an ISO 8601 UTC instant; normalised to an instant. */
export const PeriodBound = z
  .string()
  .refine(
    (value) => CalendarDate.safeParse(value).success || UtcTimestamp.safeParse(value).success,
    "must be a date YYYY-MM-DD or an ISO 8601 UTC instant like 2026-03-01T00:00:00Z",
  )
  .transform((value) =>
    CalendarDate.safeParse(value).success ? `${value}T00:00:00Z` : UtcTimestamp.parse(value),
  )
  .meta({ example: "2026-01-01" });

const Label = z.string().trim().min(1, "must not be empty").max(100);

const InsightsFields = {
  from: PeriodBound.optional().meta({
    description:
      "Incidents that started at or after this (date = midnight UTC); default: the first day of the month 11 months before `to`",
  }),
  to: PeriodBound.optional().meta({
    description: "Incidents that started before this (exclusive); default: now",
  }),
  severity: Severity.optional().meta({ description: "Only incidents of this severity" }),
  service: Label.optional().meta({ description: "Only incidents labelled with this service" }),
  tag: Label.optional().meta({ description: "Only incidents labelled with this tag" }),
};

export const InsightsInput = z.strictObject(InsightsFields);
export type InsightsInput = z.input<typeof InsightsInput>;

export const InsightsFormat = z.enum(["json", "csv"]);
export type InsightsFormat = z.infer<typeof InsightsFormat>;

export const InsightsQuery = z.strictObject({
  ...InsightsFields,
  format: InsightsFormat.optional().meta({
    description: "json (default) or csv; `Accept: text/csv` also selects csv",
  }),
});
export type InsightsQuery = z.infer<typeof InsightsQuery>;

const Month = z.string().meta({ description: "Calendar month in UTC, YYYY-MM", example: "2026-03" });
const Count = z.number().int().min(0);
const Seconds = z.number().int().nullable();

export const DurationStats = z.object({
  count: Count.meta({ description: "How many incidents had both instants" }),
  medianSeconds: Seconds.meta({
    description: "Median: the middle value, or the mean of the two middle values; null when count is 0",
  }),
  p90Seconds: Seconds.meta({
    description: "90th percentile by nearest rank: the value at rank ⌈0.9 × count⌉; null when count is 0",
  }),
});
export type DurationStats = z.infer<typeof DurationStats>;

const DurationSeries = DurationStats.extend({
  byMonth: z
    .array(DurationStats.extend({ month: Month }))
    .meta({ description: "The same statistics for the incidents that started in each month" }),
});

const Recurring = z.object({
  value: z.string().meta({ description: "The label as most incidents spell it" }),
  incidents: Count,
});

export const Insights = z.object({
  period: z.object({
    from: UtcInstant.meta({ description: "Inclusive" }),
    to: UtcInstant.meta({ description: "Exclusive" }),
  }),
  filters: z.object({
    severity: Severity.nullable(),
    service: z.string().nullable(),
    tag: z.string().nullable(),
  }),
  incidents: z.object({
    total: Count,
    bySeverity: z.object({ P1: Count, P2: Count, P3: Count }),
    byMonth: z
      .array(z.object({ month: Month, P1: Count, P2: Count, P3: Count, total: Count }))
      .meta({ description: "Every month of the period, oldest first; months without incidents show zeros" }),
  }),
  timeToDetect: DurationSeries.meta({ description: "detectedAt − startedAt" }),
  timeToResolve: DurationSeries.meta({ description: "resolvedAt − startedAt" }),
  review: z.object({
    timeToMeeting: DurationStats.meta({
      description:
        "Meeting heldAt − incident resolvedAt, over resolved incidents whose meeting was held (unresolved ones are left out)",
    }),
    timeToPublish: DurationStats.meta({
      description:
        "Post-mortem publishedAt − incident resolvedAt, over resolved incidents with a published post-mortem",
    }),
    publishedWithinWeekShare: z.number().min(0).max(1).nullable().meta({
      description:
        "Of the resolved incidents that need a post-mortem (decision not skip) and were either published or resolved over a week ago: the share published within 7 days of resolution; null when there are none",
    }),
    published: Count.meta({ description: "Post-mortems published (or since closed)" }),
    requiredButUnpublished: Count.meta({
      description: "Post-mortems the policy (or an editor's decision) says must be run, not published yet",
    }),
  }),
  actionItems: z
    .object({
      opened: Count.meta({ description: "Action items of the incidents in the period" }),
      completed: Count.meta({ description: "Of those, done" }),
      overdue: Count.meta({
        description: "Of those, open or in progress with a due date before today (UTC)",
      }),
      wontDo: Count.meta({ description: "Of those, closed as won't do" }),
      medianDaysToClose: z.number().nullable().meta({
        description: "Median of completedAt − createdAt over the done items, in days to one decimal",
      }),
      byMonth: z
        .array(z.object({ month: Month, opened: Count, completed: Count }))
        .meta({ description: "By the start month of their incident" }),
    })
    .meta({ description: "Action items of the incidents that started in the period" }),
  recurring: z.object({
    tags: z
      .array(Recurring)
      .meta({ description: "Tags on at least two incidents, most frequent first (top 20)" }),
    services: z
      .array(Recurring)
      .meta({ description: "Services on at least two incidents, most frequent first (top 20)" }),
    contributingFactors: z.array(z.object({ text: z.string(), incidents: Count })).meta({
      description:
        "Contributing factors written in at least two incidents' post-mortems, compared ignoring case, spacing and punctuation (top 20)",
    }),
  }),
  lint: z.object({
    byMonth: z
      .array(
        z.object({
          month: Month,
          postmortems: Count.meta({ description: "Post-mortems in review, published or closed" }),
          findings: Count,
          perPostmortem: z.number().nullable().meta({ description: "findings / postmortems, two decimals" }),
        }),
      )
      .meta({ description: "Linter findings (default rules) by the start month of the incident" }),
  }),
});
export type Insights = z.infer<typeof Insights>;
