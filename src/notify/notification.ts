import { z } from "zod";
import { UtcInstant } from "../shared/time.ts";

/** What Hindsight announces on the channels admins configure. */
export const EventKinds = ["postmortem.published", "postmortem.closed", "external.published"] as const;
export type EventKind = (typeof EventKinds)[number];

/** Reminders the scheduled job sends to people and to subscribed channels. */
export const ReminderKinds = [
  "meeting_due",
  "publish_due",
  "action_item_due_soon",
  "action_item_overdue",
] as const;
export type ReminderKind = (typeof ReminderKinds)[number];

/** Everything a channel may subscribe to. */
export const NotificationKinds = [...EventKinds, ...ReminderKinds] as const;
export const NotificationKind = z.enum(NotificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const ChannelKinds = ["email", "slack", "webhook"] as const;
export const ChannelKind = z.enum(ChannelKinds);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const HttpUrl = z
  .string()
  .trim()
  .max(2_000)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }));

const EmailList = z
  .string()
  .trim()
  .max(2_000)
  .transform((value, ctx) => {
    const addresses = value
      .split(",")
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
    const bad = addresses.find((a) => !z.email().safeParse(a).success);
    if (addresses.length === 0 || bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `must be e-mail addresses separated by commas${bad ? ` ("${bad}" is not one)` : ""}`,
      });
      return z.NEVER;
    }
    return [...new Set(addresses)].join(", ");
  });

const Name = z.string().trim().min(1, "is required").max(100);
const Secret = z.string().min(16, "must be at least 16 characters").max(500);
const Events = z
  .array(NotificationKind)
  .max(NotificationKinds.length)
  .transform((kinds) => [...new Set(kinds)])
  .meta({ description: "Event and reminder kinds this channel receives" });

export const CreateChannelInput = z.strictObject({
  name: Name,
  kind: ChannelKind,
  target: z.string().meta({
    description: "email: addresses separated by commas; slack: the incoming-webhook URL; webhook: the URL",
  }),
  secret: Secret.optional().meta({ description: "webhook only, required there: the HMAC-SHA256 key" }),
  events: Events.default(["postmortem.published"]),
  enabled: z.boolean().default(true),
});
export type CreateChannelInput = z.input<typeof CreateChannelInput>;

export const UpdateChannelInput = z.strictObject({
  name: Name.optional(),
  target: z.string().optional(),
  secret: Secret.optional().meta({ description: "webhook only: replaces the HMAC key (write-only)" }),
  events: Events.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateChannelInput = z.input<typeof UpdateChannelInput>;

/** The target of a channel of this kind, normalised; the error names the reason. */
export function parseTarget(kind: ChannelKind, target: string): z.ZodSafeParseResult<string> {
  return kind === "email" ? EmailList.safeParse(target) : HttpUrl.safeParse(target);
}

export const Channel = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: ChannelKind,
  target: z.string(),
  hasSecret: z.boolean().meta({ description: "The secret itself is never returned" }),
  events: z.array(NotificationKind),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Channel = z.infer<typeof Channel>;

export const DeliveryStatuses = ["pending", "sending", "sent", "failed"] as const;
export const DeliveryStatus = z.enum(DeliveryStatuses);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Delivery = z.object({
  id: z.number().int(),
  dedupeKey: z.string().meta({ example: "reminder:meeting_due:INC-7:2026-03-19:email:sam@example.com" }),
  channelKind: ChannelKind,
  channelId: z.number().int().nullable().meta({ description: "null for e-mail to a person" }),
  target: z.string(),
  subject: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: UtcInstant,
  lastError: z.string().nullable(),
  createdAt: UtcInstant,
  sentAt: UtcInstant.nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListQuery = z.strictObject({
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type DeliveryListQuery = z.output<typeof DeliveryListQuery>;
