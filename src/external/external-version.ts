import { z } from "zod";
import { UtcInstant } from "../shared/time.ts";

/** The five texts customers read; the order is the order of the public page. */
export const ExternalFields = ["title", "summary", "impact", "duration", "changes"] as const;
export const ExternalField = z.enum(ExternalFields);
export type ExternalField = z.infer<typeof ExternalField>;

export const ExternalStatuses = ["draft", "approved", "published", "unpublished"] as const;
export const ExternalStatus = z.enum(ExternalStatuses);
export type ExternalStatus = z.infer<typeof ExternalStatus>;

// The kinds src/external/redaction finds, listed here so this schema file (which the web app may import)
// does not pull the checker itself in; a test keeps the two lists equal.
export const RedactionFlagKinds = [
  "person",
  "email",
  "ip",
  "host",
  "internal_url",
  "chat_handle",
  "ticket",
] as const;
export const RedactionKind = z.enum(RedactionFlagKinds);
export type RedactionKind = z.infer<typeof RedactionKind>;

const TextFields = {
  title: z.string().trim().max(200).meta({ description: "The headline customers see" }),
  summary: z.string().max(20_000).meta({ description: "What happened, in words for customers" }),
  impact: z.string().max(20_000).meta({ description: "What customers could not do" }),
  duration: z.string().trim().max(200).meta({ example: "about 42 minutes" }),
  changes: z.string().max(20_000).meta({ description: "What we are changing so it does not happen again" }),
};

export const CreateExternalVersionInput = z.strictObject({
  title: TextFields.title.optional(),
  summary: TextFields.summary.optional(),
  impact: TextFields.impact.optional(),
  duration: TextFields.duration.optional().meta({ description: "Defaults to the incident's duration" }),
  changes: TextFields.changes.optional(),
});
export type CreateExternalVersionInput = z.input<typeof CreateExternalVersionInput>;

export const UpdateExternalVersionInput = z.strictObject({
  title: TextFields.title.optional(),
  summary: TextFields.summary.optional(),
  impact: TextFields.impact.optional(),
  duration: TextFields.duration.optional(),
  changes: TextFields.changes.optional(),
});
export type UpdateExternalVersionInput = z.input<typeof UpdateExternalVersionInput>;

export const DismissRedactionFlagInput = z.strictObject({
  field: ExternalField,
  kind: RedactionKind,
  match: z.string().min(1, "must not be empty").max(2_000),
  reason: z
    .string()
    .trim()
    .min(1, "must say why this is safe to show customers")
    .max(2_000)
    .meta({ example: "Public status page host, customers know it" }),
});
export type DismissRedactionFlagInput = z.input<typeof DismissRedactionFlagInput>;

const UserRef = z.object({ id: z.number().int(), name: z.string() });

export const RedactionFlag = z.object({
  field: ExternalField,
  kind: RedactionKind,
  match: z.string(),
  start: z.number().int().meta({ description: "UTF-16 offset in the field" }),
  end: z.number().int(),
  message: z.string(),
  dismissed: z.object({ reason: z.string(), by: z.string(), at: UtcInstant }).nullable(),
});
export type RedactionFlag = z.infer<typeof RedactionFlag>;

export const ExternalPublication = z.object({
  slug: z.string().meta({ example: "2026-03-18-checkout-errors" }),
  url: z.string().meta({
    description: "/status/postmortems/{slug}, absolute when HINDSIGHT_PUBLIC_URL is set",
  }),
  publishedAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type ExternalPublication = z.infer<typeof ExternalPublication>;

export const ExternalVersion = z.object({
  incidentKey: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  summary: z.string(),
  impact: z.string(),
  duration: z.string(),
  changes: z.string(),
  status: ExternalStatus,
  author: UserRef.nullable(),
  approvedBy: UserRef.nullable(),
  approvedAt: UtcInstant.nullable(),
  flags: z.array(RedactionFlag),
  openFlags: z.number().int(),
  publication: ExternalPublication.nullable().meta({
    description: "What the public page shows now; it changes only when a version is published",
  }),
  version: z.number().int(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type ExternalVersion = z.infer<typeof ExternalVersion>;

export const PUBLIC_PATH = "/status/postmortems";

/** The public address of a publication: absolute under `publicUrl` when it is known. */
export function publicationUrl(slug: string, publicUrl: string | undefined): string {
  const path = `${PUBLIC_PATH}/${slug}`;
  return publicUrl ? `${publicUrl.replace(/\/+$/, "")}${path}` : path;
}

/** The same version, its publication's address made absolute under `publicUrl` when that is known. */
export function withPublicUrl(version: ExternalVersion, publicUrl: string | undefined): ExternalVersion {
  if (!version.publication) return version;
  return {
    ...version,
    publication: { ...version.publication, url: publicationUrl(version.publication.slug, publicUrl) },
  };
}
