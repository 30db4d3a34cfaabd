import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { ActionItemStatus, ActionItemType, Priority } from "../../actions/action-item.ts";
import { IncidentKey, IncidentSource, IncidentStatus } from "../../incidents/incident.ts";
import { CalendarDate, UtcTimestamp } from "../../shared/time.ts";
import { TimelineKind, TimelineSource } from "../../timeline/timeline-entry.ts";
import { ChecklistItemKey } from "../checklist.ts";
import { RECORD_FORMAT } from "../export/postmortem-record.ts";
import { PostmortemStatus, RequiredDecision } from "../postmortem.ts";
import type { LineMessage } from "./parse-template.ts";

interface WhyInput {
  text: string;
  actionItem: number | null;
  children: WhyInput[];
}
const Why: z.ZodType<WhyInput> = z.lazy(() =>
  z.object({
    text: z.string().trim().min(1, "must not be empty").max(2_000),
    actionItem: z.number().int().min(1).nullable().default(null),
    children: z.array(Why).default([]),
  }),
);
const Time = UtcTimestamp.nullable().default(null);
const Flag = z.boolean().default(false);

/** The machine-readable block (docs/TEMPLATE.md); every key may be left out, defaults fill in. */
export const FrontMatter = z.object({
  format: z.literal(RECORD_FORMAT).optional(),
  timeZone: z.literal("UTC", { message: "must be UTC: every time in the document is UTC" }).optional(),
  incident: z
    .object({
      key: IncidentKey.nullable().default(null),
      status: IncidentStatus.optional(),
      detectedAt: Time,
      mitigatedAt: Time,
      customerImpact: Flag,
      dataLoss: Flag,
      security: Flag,
      services: z.array(z.string()).default([]),
      tags: z.array(z.string()).default([]),
      source: IncidentSource.optional(),
    })
    .prefault({}),
  postmortem: z
    .object({
      status: PostmortemStatus.default("draft"),
      required: z
        .object({
          decision: RequiredDecision.nullable().default(null),
          reason: z.string().nullable().default(null),
        })
        .prefault({}),
      summary: z.string().default(""),
      publishedAt: Time,
      closedAt: Time,
      checklist: z
        .array(z.object({ item: ChecklistItemKey, tickedBy: z.string().min(1), tickedAt: UtcTimestamp }))
        .default([]),
    })
    .prefault({}),
  timeline: z
    .array(
      z.object({
        kind: TimelineKind.default("event"),
        author: z.string().nullable().default(null),
        source: TimelineSource.default("markdown-import"),
      }),
    )
    .optional(),
  actionItems: z
    .array(
      z.object({
        status: ActionItemStatus.optional(),
        type: ActionItemType.default("prevent"),
        priority: Priority.default("medium"),
        wontDoReason: z.string().nullable().default(null),
        externalUrl: z.string().nullable().default(null),
        completedAt: Time,
        title: z.string().optional(),
        owner: z.string().nullable().optional(),
        due: CalendarDate.nullable().optional(),
      }),
    )
    .optional(),
  fiveWhys: z.array(Why).default([]),
  meeting: z
    .object({
      scheduledAt: Time,
      heldAt: Time,
      durationMinutes: z.number().int().min(5).max(480).default(60),
      facilitator: z.string().nullable().default(null),
      attendees: z
        .array(z.object({ name: z.string().min(1), email: z.string().nullable().default(null) }))
        .default([]),
      notes: z.record(z.string(), z.string()).default({}),
    })
    .nullable()
    .default(null),
});
export type FrontMatter = z.output<typeof FrontMatter>;

export function readFrontMatter(
  source: string,
  firstLine: number,
  errors: LineMessage[],
  warnings: LineMessage[],
): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const lineAt = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
  for (const e of doc.errors)
    errors.push({ line: lineAt(e.pos[0]), message: `front matter: ${e.message.split("\n")[0]}` });
  for (const w of doc.warnings)
    warnings.push({ line: lineAt(w.pos[0]), message: `front matter: ${w.message.split("\n")[0]}` });
  const parsed = FrontMatter.safeParse(doc.errors.length > 0 ? {} : (doc.toJS() ?? {}));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    let node: unknown;
    for (let n = path.length; n >= 0 && !node; n--) node = doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    errors.push({
      line: lineAt(range?.[0] ?? 0),
      message: `front matter ${path.join(".") || "(root)"}: ${issue.message}`,
    });
  }
  return FrontMatter.parse({});
}
