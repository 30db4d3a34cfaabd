import { z } from "zod";
import { Deadlines } from "../process/deadlines.ts";
import { UtcInstant, UtcTimestamp } from "../shared/time.ts";
import { Email } from "../users/user.ts";
import { ChecklistItemKey, ChecklistPhase } from "./checklist.ts";

export const PostmortemStatuses = ["draft", "in_review", "published", "closed"] as const;
export const PostmortemStatus = z.enum(PostmortemStatuses);
export type PostmortemStatus = z.infer<typeof PostmortemStatus>;

export const RequiredDecisions = ["always", "usually", "skip"] as const;
export const RequiredDecision = z.enum(RequiredDecisions);
export type RequiredDecision = z.infer<typeof RequiredDecision>;

const MAX_SECTION = 50_000;
const MAX_LIST = 100;

const Section = z.string().max(MAX_SECTION);
const ListItem = z.string().trim().min(1, "must not be empty").max(2_000);
const List = z.array(ListItem).max(MAX_LIST);

export const AppendixLink = z.object({ title: z.string(), url: z.string() });
export type AppendixLink = z.infer<typeof AppendixLink>;

const AppendixLinkInput = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").max(300),
  // Only http(s): a `javascript:` or `data:` link would run script in a reader's browser.
  url: z
    .url({ protocol: z.regexes.httpProtocol, message: "must be an http or https URL" })
    .max(2_000)
    .meta({ example: "https://grafana.example.com/d/checkout" }),
});

const RequiredInput = z
  .strictObject({
    decision: RequiredDecision.nullable().meta({ description: "null clears the decision and its reason" }),
    reason: z.string().trim().min(1, "must not be empty").max(2_000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== null && value.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is required when decision is given" });
    }
  });

export const UpdatePostmortemInput = z.strictObject({
  summary: Section.optional(),
  rootCause: Section.optional(),
  detection: Section.optional(),
  resolution: Section.optional(),
  contributingFactors: List.optional().meta({ description: "Replaces the whole list" }),
  lessons: z
    .strictObject({
      wentWell: List.optional().meta({ description: "Replaces the list" }),
      toImprove: List.optional().meta({ description: "Replaces the list" }),
    })
    .optional(),
  appendix: z.array(AppendixLinkInput).max(MAX_LIST).optional().meta({ description: "Replaces the list" }),
  required: RequiredInput.optional(),
});
export type UpdatePostmortemInput = z.input<typeof UpdatePostmortemInput>;

export const Attendee = z.object({ name: z.string(), email: z.string().nullable() });
export type Attendee = z.infer<typeof Attendee>;

export const Meeting = z.object({
  scheduledAt: UtcInstant.nullable(),
  durationMinutes: z.number().int(),
  facilitator: z.string().nullable(),
  heldAt: UtcInstant.nullable(),
  attendees: z.array(Attendee),
  notes: z.record(z.string(), z.string()).meta({ description: "Agenda section key → notes" }),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

const AttendeeInput = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(200),
  email: Email.nullable().optional(),
});

export const UpdateMeetingInput = z.strictObject({
  scheduledAt: UtcTimestamp.nullable().optional(),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  facilitator: z.string().trim().min(1, "must not be empty").max(200).nullable().optional(),
  heldAt: UtcTimestamp.nullable()
    .optional()
    .meta({ description: "When the meeting took place; not in the future" }),
  attendees: z.array(AttendeeInput).max(200).optional().meta({ description: "Replaces the whole list" }),
  notes: z
    .record(z.string().min(1, "must not be empty").max(50), z.string().max(MAX_SECTION))
    .refine((notes) => Object.keys(notes).length <= 50, "must have at most 50 sections")
    .optional()
    .meta({ description: "Replaces all notes: agenda section key → notes" }),
});
export type UpdateMeetingInput = z.input<typeof UpdateMeetingInput>;

export const ChecklistEntry = z.object({
  item: ChecklistItemKey,
  phase: ChecklistPhase,
  tickedBy: z.string().nullable(),
  tickedAt: UtcInstant.nullable(),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

export const StatedDuration = z
  .object({
    metric: z.enum(["detection", "recovery", "repair", "resolve", "mitigation", "acknowledge", "duration"]),
    label: z.string().meta({ example: "Time to detection" }),
    raw: z.string().meta({ description: "As the document wrote it", example: "64 minutes" }),
    minutes: z.number().int().nullable().meta({ description: "null when the document states none (N/A)" }),
    note: z.string().nullable().meta({ example: "during support hours 10:00-17:00" }),
  })
  .meta({ description: "A duration an imported document stated, kept beside the computed one" });
export type StatedDuration = z.infer<typeof StatedDuration>;

export const ImportWarning = z.object({
  line: z.number().int().nullable().meta({ description: "1-based line in the imported document" }),
  message: z.string(),
});

const Decision = z.object({
  decision: RequiredDecision,
  reasons: z.array(z.string()).meta({ example: ["severity P1", "customer impact"] }),
});

export const Required = Decision.extend({
  computed: Decision.meta({ description: "What the process settings' rules decide" }),
  override: z
    .object({ decision: RequiredDecision, reason: z.string().nullable() })
    .nullable()
    .meta({ description: "An editor's decision for this incident (PATCH required); it wins over the rules" }),
  reason: z.string().nullable().meta({ description: "The override's reason (older shape; see override)" }),
}).meta({ description: "Whether this incident needs a post-mortem, and why" });
export type Required = z.infer<typeof Required>;

export const Postmortem = z.object({
  incidentKey: z.string().meta({ example: "INC-42" }),
  status: PostmortemStatus,
  required: Required,
  summary: z.string(),
  rootCause: z.string(),
  contributingFactors: z.array(z.string()),
  detection: z.string(),
  timeToDetectSeconds: z
    .number()
    .int()
    .nullable()
    .meta({ description: "From the incident's start to its detection; null until detected" }),
  resolution: z.string(),
  lessons: z.object({ wentWell: z.array(z.string()), toImprove: z.array(z.string()) }),
  appendix: z.array(AppendixLink),
  meeting: Meeting.nullable(),
  deadlines: Deadlines.meta({
    description: "Where the meeting and the publishing stand, at the time of the request",
  }),
  checklist: z
    .array(ChecklistEntry)
    .meta({ description: "The items configured for the incident's severity, ticked or not" }),
  statedDurations: z
    .array(StatedDuration)
    .meta({ description: "From an imported document; empty otherwise" }),
  importWarnings: z
    .array(ImportWarning)
    .meta({ description: "What the last Markdown import of this post-mortem read with a doubt" }),
  publishedAt: UtcInstant.nullable(),
  closedAt: UtcInstant.nullable(),
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Postmortem = z.infer<typeof Postmortem>;
