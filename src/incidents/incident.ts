import { z } from "zod";
import { UtcInstant, UtcTimestamp } from "../shared/time.ts";

export const Severities = ["P1", "P2", "P3"] as const;
export const Severity = z.enum(Severities);
export type Severity = z.infer<typeof Severity>;

export const IncidentStatuses = ["open", "mitigated", "resolved"] as const;
export const IncidentStatus = z.enum(IncidentStatuses);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const IncidentSources = [
  "manual",
  "alertmanager",
  "grafana",
  "pagerduty",
  "slack-import",
  "markdown-import",
] as const;
export const IncidentSource = z.enum(IncidentSources);
export type IncidentSource = z.infer<typeof IncidentSource>;

export const IncidentKey = z
  .string()
  .regex(/^INC-[1-9]\d{0,8}$/, "must be an incident key like INC-42")
  .meta({ example: "INC-42" });

const Label = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100)
  .regex(/^[^,\s][^,]*$/, "must not contain commas");
const Labels = z
  .array(Label)
  .max(50)
  .transform((values) => [...new Set(values)].sort());

const IncidentFields = {
  title: z.string().trim().min(1, "is required").max(200),
  severity: Severity,
  startedAt: UtcTimestamp,
  detectedAt: UtcTimestamp.nullable(),
  mitigatedAt: UtcTimestamp.nullable(),
  resolvedAt: UtcTimestamp.nullable(),
  impact: z.string().max(20_000),
  customerImpact: z.boolean(),
  dataLoss: z.boolean(),
  security: z.boolean(),
  services: Labels,
  tags: Labels,
};

export const CreateIncidentInput = z.strictObject({
  ...IncidentFields,
  startedAt: UtcTimestamp.optional().meta({ description: "Defaults to now" }),
  detectedAt: IncidentFields.detectedAt.optional(),
  mitigatedAt: IncidentFields.mitigatedAt.optional(),
  resolvedAt: IncidentFields.resolvedAt.optional(),
  status: IncidentStatus.default("open"),
  impact: IncidentFields.impact.default(""),
  customerImpact: IncidentFields.customerImpact.default(false),
  dataLoss: IncidentFields.dataLoss.default(false),
  security: IncidentFields.security.default(false),
  services: IncidentFields.services.default([]),
  tags: IncidentFields.tags.default([]),
  source: IncidentSource.default("manual"),
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;

export const UpdateIncidentInput = z.strictObject({
  title: IncidentFields.title.optional(),
  severity: IncidentFields.severity.optional(),
  status: IncidentStatus.optional().meta({
    description:
      "Moves forward only: open → mitigated → resolved; stamps mitigatedAt/resolvedAt with now unless given",
  }),
  startedAt: IncidentFields.startedAt.optional(),
  detectedAt: IncidentFields.detectedAt.optional(),
  mitigatedAt: IncidentFields.mitigatedAt.optional(),
  resolvedAt: IncidentFields.resolvedAt.optional(),
  impact: IncidentFields.impact.optional(),
  customerImpact: IncidentFields.customerImpact.optional(),
  dataLoss: IncidentFields.dataLoss.optional(),
  security: IncidentFields.security.optional(),
  services: IncidentFields.services.optional(),
  tags: IncidentFields.tags.optional(),
});
export type UpdateIncidentInput = z.input<typeof UpdateIncidentInput>;

export const Incident = z.object({
  key: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  severity: Severity,
  status: IncidentStatus,
  startedAt: UtcInstant,
  detectedAt: UtcInstant.nullable(),
  mitigatedAt: UtcInstant.nullable(),
  resolvedAt: UtcInstant.nullable(),
  impact: z.string(),
  customerImpact: z.boolean(),
  dataLoss: z.boolean(),
  security: z.boolean(),
  services: z.array(z.string()),
  tags: z.array(z.string()),
  source: IncidentSource,
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Incident = z.infer<typeof Incident>;

export const IncidentListQuery = z.strictObject({
  status: IncidentStatus.optional(),
  severity: Severity.optional(),
  service: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  from: UtcTimestamp.optional().meta({ description: "Incidents that started at or after this instant" }),
  to: UtcTimestamp.optional().meta({ description: "Incidents that started before this instant" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type IncidentListQuery = z.output<typeof IncidentListQuery>;

export function formatIncidentKey(number: number): string {
  return `INC-${number}`;
}
