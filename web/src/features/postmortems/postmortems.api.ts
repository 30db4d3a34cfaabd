import { api, ifMatchOf, request } from "../../api/client.ts";
import type { ChecklistItemKey, Postmortem, PostmortemLint, UpdatePostmortemInput } from "../../api/types.ts";

const base = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/postmortem`;

export function getPostmortem(key: string, signal?: AbortSignal): Promise<Postmortem> {
  return api.get<Postmortem>(base(key), undefined, signal);
}

/** Saves the sections given (a list replaces the stored one); 412 when `read` is no longer the latest. */
export function savePostmortem(
  key: string,
  read: { version: number },
  changes: UpdatePostmortemInput,
): Promise<Postmortem> {
  return api.patch<Postmortem>(base(key), changes, ifMatchOf(read));
}

/** The linter's findings on the stored post-mortem (not on unsaved text), with the score. */
export async function lintPostmortem(key: string, signal?: AbortSignal): Promise<PostmortemLint> {
  return (await request<PostmortemLint>("GET", `${base(key)}/lint`, { signal })).data;
}

/** Ticks (or clears) one checklist item; ticks leave the post-mortem's version alone. */
export function setChecklistItem(key: string, item: ChecklistItemKey, ticked: boolean): Promise<Postmortem> {
  const path = `${base(key)}/checklist/${encodeURIComponent(item)}`;
  return ticked
    ? request<Postmortem>("PUT", path).then((r) => r.data)
    : request<Postmortem>("DELETE", path).then((r) => r.data);
}

export type ExportFormat = "md" | "json" | "html";

/** The download address of an export; the session cookie authenticates the plain link. */
export function exportUrl(key: string, format: ExportFormat): string {
  return `${base(key)}/export?format=${format}`;
}
