import { z } from "zod";
import { formatIncidentKey, IncidentStatus, Severity } from "../incidents/incident.ts";
import { PostmortemStatus } from "../postmortems/postmortem.ts";
import { UtcInstant, UtcTimestamp, CalendarDate } from "../shared/time.ts";
import type { PageRow } from "./filters.ts";

/** A repeatable query parameter that also takes a comma list (`severity=P1,P2` or `severity=P1&severity=P2`). */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
        .map((v) => (typeof v === "string" ? v.trim() : v))
        .filter((v) => v !== ""),
    z.array(item).max(10),
  );
}

const Instant = z.union([UtcTimestamp, CalendarDate]);

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, "must contain words (leave q out to list every post-mortem)")
    .max(200)
    .optional()
    .meta({
      description:
        'Words are ANDed; "a quoted phrase"; a trailing * matches a prefix. Left out: every post-mortem matching the filters, latest incident first (score 0, no snippets)',
    }),
  severity: listOf(Severity).optional(),
  status: listOf(PostmortemStatus).optional().meta({ description: "The post-mortem's status" }),
  service: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  from: Instant.optional().meta({
    description: "Incidents that started at or after this instant or day (UTC)",
  }),
  to: Instant.optional().meta({
    description: "Incidents that started before this instant, or on or before this day (UTC)",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchFields = [
  "title",
  "impact",
  "rootCause",
  "contributingFactors",
  "resolution",
  "lessons",
  "timeline",
  "actionItems",
] as const;
export const SearchField = z.enum(SearchFields);
export type SearchField = z.infer<typeof SearchField>;

export const SnippetFragment = z.object({ text: z.string(), match: z.boolean() });
export type SnippetFragment = z.infer<typeof SnippetFragment>;

export const Snippet = z.object({ field: SearchField, fragments: z.array(SnippetFragment) });
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  incidentKey: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  severity: Severity,
  incidentStatus: IncidentStatus,
  postmortemStatus: PostmortemStatus,
  startedAt: UtcInstant,
  services: z.array(z.string()),
  tags: z.array(z.string()),
  score: z.number().meta({ description: "Higher is more relevant; compare only within one result list" }),
  snippets: z.array(Snippet),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({
  items: z.array(SearchHit),
  nextCursor: z.string().nullable(),
  total: z.number().int().meta({
    description: "How many post-mortems match, counted up to 300 (see totalIsLowerBound)",
  }),
  totalIsLowerBound: z.boolean().meta({
    description: 'True when more than `total` match (counting stops at 300): show "300+"',
  }),
});
export type SearchResults = z.infer<typeof SearchResults>;

/** A hit as the API shows it, from its page row (labels sorted), score and snippets. */
export function toHit(row: Omit<PageRow, "marked">, score: number, snippets: Snippet[]): SearchHit {
  return {
    incidentKey: formatIncidentKey(row.number),
    title: row.title,
    severity: row.severity,
    incidentStatus: row.status,
    postmortemStatus: row.postmortemStatus,
    startedAt: row.startedAt,
    services: row.labels.filter((l) => l.kind === "service").map((l) => l.value),
    tags: row.labels.filter((l) => l.kind === "tag").map((l) => l.value),
    score: Math.round(score * 1e6) / 1e6,
    snippets,
  };
}
