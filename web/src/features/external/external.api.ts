import { ApiError, api, ifMatchOf, request } from "../../api/client.ts";

// The shapes are repeated from src/external/external-version.ts: the web app may import only the schema
// files listed in eslint.config.js, and that file pulls in the redaction checks. Keep them in step.

export type ExternalField = "title" | "summary" | "impact" | "duration" | "changes";
export type ExternalStatus = "draft" | "approved" | "published" | "unpublished";
export type RedactionKind = "person" | "email" | "ip" | "host" | "internal_url" | "chat_handle" | "ticket";

/** The five texts in the order the public page shows them. */
export const EXTERNAL_FIELDS: readonly ExternalField[] = [
  "title",
  "summary",
  "impact",
  "duration",
  "changes",
];

export interface RedactionFlag {
  field: ExternalField;
  kind: RedactionKind;
  match: string;
  /** UTF-16 offsets in the field's saved text. */
  start: number;
  end: number;
  message: string;
  dismissed: { reason: string; by: string; at: string } | null;
}

export interface ExternalPublication {
  slug: string;
  url: string;
  publishedAt: string;
  updatedAt: string;
}

export type ExternalTexts = Record<ExternalField, string>;

export interface ExternalVersion extends ExternalTexts {
  incidentKey: string;
  status: ExternalStatus;
  author: { id: number; name: string } | null;
  approvedBy: { id: number; name: string } | null;
  approvedAt: string | null;
  flags: RedactionFlag[];
  openFlags: number;
  publication: ExternalPublication | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ExternalAction = "approve" | "publish" | "unpublish";

const pathOf = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/external`;

/** The customer-facing version, or null when none was started yet. */
export async function getExternalVersion(key: string, signal?: AbortSignal): Promise<ExternalVersion | null> {
  try {
    return await api.get<ExternalVersion>(pathOf(key), undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function createExternalVersion(key: string): Promise<ExternalVersion> {
  return api.post<ExternalVersion>(pathOf(key), {});
}

/** Saves the changed texts over `read` (If-Match: its version). */
export function updateExternalVersion(
  read: ExternalVersion,
  changes: Partial<ExternalTexts>,
): Promise<ExternalVersion> {
  return api.patch<ExternalVersion>(pathOf(read.incidentKey), changes, ifMatchOf(read));
}

export async function dismissRedactionFlag(
  read: ExternalVersion,
  flag: RedactionFlag,
  reason: string,
): Promise<ExternalVersion> {
  const body = { field: flag.field, kind: flag.kind, match: flag.match, reason };
  return (await request<ExternalVersion>("POST", `${pathOf(read.incidentKey)}/flags/dismiss`, { body })).data;
}

/** Approve, publish or unpublish the version last read (If-Match: its version). */
export async function runExternalAction(
  read: ExternalVersion,
  action: ExternalAction,
): Promise<ExternalVersion> {
  const path = `${pathOf(read.incidentKey)}/${action}`;
  return (await request<ExternalVersion>("POST", path, { ifMatch: ifMatchOf(read) })).data;
}
