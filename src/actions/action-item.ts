import { z } from "zod";
import { IncidentKey } from "../incidents/incident.ts";
import { CalendarDate, UtcInstant } from "../shared/time.ts";

export const ActionItemTypes = ["prevent", "detect", "mitigate", "process"] as const;
export const ActionItemType = z.enum(ActionItemTypes);
export type ActionItemType = z.infer<typeof ActionItemType>;

export const Priorities = ["high", "medium", "low"] as const;
export const Priority = z.enum(Priorities);
export type Priority = z.infer<typeof Priority>;

export const ActionItemStatuses = ["open", "in_progress", "done", "wont_do"] as const;
export const ActionItemStatus = z.enum(ActionItemStatuses);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

const ActionItemFields = {
  title: z.string().trim().min(1, "is required").max(300),
  owner: z.string().trim().min(1, "must not be empty").max(200),
  dueDate: CalendarDate,
  type: ActionItemType,
  priority: Priority,
  externalUrl: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// link" }))
    .meta({ example: "https://github.com/acme/checkout/issues/812" }),
};

export const CreateActionItemInput = z.strictObject({
  title: ActionItemFields.title,
  owner: ActionItemFields.owner.optional(),
  dueDate: ActionItemFields.dueDate.optional(),
  type: ActionItemFields.type.default("prevent"),
  priority: ActionItemFields.priority.default("medium"),
  externalUrl: ActionItemFields.externalUrl.optional().meta({ description: "Issue in GitHub, Jira, …" }),
});
export type CreateActionItemInput = z.input<typeof CreateActionItemInput>;
/** A create input after parsing: defaults applied, text trimmed. */
export type NewActionItem = z.output<typeof CreateActionItemInput>;

export const UpdateActionItemInput = z.strictObject({
  title: ActionItemFields.title.optional(),
  owner: ActionItemFields.owner.nullable().optional().meta({ description: "null clears it" }),
  dueDate: ActionItemFields.dueDate.nullable().optional().meta({ description: "null clears it" }),
  type: ActionItemFields.type.optional(),
  priority: ActionItemFields.priority.optional(),
  status: ActionItemStatus.optional().meta({
    description: "done stamps completedAt; wont_do needs a wontDoReason",
  }),
  wontDoReason: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .meta({ description: "Why it won't be done; required while status is wont_do" }),
  externalUrl: ActionItemFields.externalUrl.nullable().optional().meta({ description: "null clears it" }),
});
export type UpdateActionItemInput = z.input<typeof UpdateActionItemInput>;

export const ActionItem = z.object({
  id: z.number().int(),
  incidentKey: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable().meta({ format: "date", example: "2026-03-25" }),
  type: ActionItemType,
  priority: Priority,
  status: ActionItemStatus,
  wontDoReason: z.string().nullable(),
  externalUrl: z.string().nullable(),
  completedAt: UtcInstant.nullable(),
  whyNodeId: z.number().int().nullable().meta({ description: "The five-whys answer it was made from" }),
  overdue: z.boolean().meta({ description: "Due before today (UTC) and still open or in progress" }),
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type ActionItem = z.infer<typeof ActionItem>;

export const ActionItemListQuery = z.strictObject({
  owner: z
    .preprocess(
      (value) => (Array.isArray(value) ? value : value === undefined ? undefined : [value]),
      z
        .array(z.string())
        // Checked as a whole, so an error names `owner` (the parameter a client sent), not `owner.1`.
        .superRefine((owners, ctx) => {
          if (owners.length > 10) ctx.addIssue({ code: "custom", message: "at most 10 owners at once" });
          if (owners.some((owner) => owner.trim() === ""))
            ctx.addIssue({ code: "custom", message: "must not be empty" });
          if (owners.some((owner) => owner.trim().length > 200))
            ctx.addIssue({ code: "custom", message: "at most 200 characters per owner" });
        })
        .transform((owners) => owners.map((owner) => owner.trim()))
        .optional(),
    )
    .meta({
      description:
        "Exact name or e-mail, any case; repeat it for items owned by any of several (owner=Priya%20Patel&owner=priya@example.com)",
    }),
  status: ActionItemStatus.optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  incident: IncidentKey.optional(),
  service: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(100, "at most 100 characters")
    .optional()
    .meta({ description: "Exact service name: items whose incident lists that service" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type ActionItemListQuery = z.output<typeof ActionItemListQuery>;

export const ServiceActionCounts = z.object({
  service: z.string().meta({ example: "checkout-api" }),
  open: z.number().int().meta({ description: "Open or in progress" }),
  overdue: z.number().int().meta({ description: "Open or in progress and due before today (UTC)" }),
  done: z.number().int(),
});
export type ServiceActionCounts = z.infer<typeof ServiceActionCounts>;

export const ServiceActionCountsList = z.object({
  items: z.array(ServiceActionCounts).meta({
    description: "Every service with action items, most overdue first, then most open, then by name",
  }),
});
export type ServiceActionCountsList = z.infer<typeof ServiceActionCountsList>;
