import { api, ifMatchOf, preload } from "../../api/client.ts";
import type { Page, TimelineEntry, TimelineKind } from "../../api/types.ts";

const base = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/timeline`;

const PAGE_SIZE = 1000;

/** Starts loading the timeline's first page before its page renders (see main.tsx). */
export function preloadTimeline(key: string): void {
  preload(base(key), { limit: PAGE_SIZE });
}

/** The whole timeline, in order of time then insertion (follows the cursor past one page). */
export async function listTimeline(key: string, signal?: AbortSignal): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<TimelineEntry>>(base(key), { limit: PAGE_SIZE, cursor }, signal);
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

export interface NewEntry {
  text: string;
  kind: TimelineKind;
  /** Omitted: the server stamps its own clock's now. */
  occurredAt?: string;
}

export function addTimelineEntry(key: string, entry: NewEntry) {
  return api.post<TimelineEntry>(base(key), { ...entry, source: "web" });
}

export type EntryChanges = Partial<Pick<TimelineEntry, "text" | "kind" | "occurredAt">>;

export function editTimelineEntry(entry: TimelineEntry, changes: EntryChanges) {
  return api.patch<TimelineEntry>(`${base(entry.incidentKey)}/${entry.id}`, changes, ifMatchOf(entry));
}

export function getTimelineEntry(entry: TimelineEntry) {
  return api.get<TimelineEntry>(`${base(entry.incidentKey)}/${entry.id}`);
}

/** Removes an entry, if nobody changed it since it was read (412 otherwise; 404 when already gone). */
export function deleteTimelineEntry(entry: TimelineEntry) {
  return api.delete(`${base(entry.incidentKey)}/${entry.id}`, ifMatchOf(entry));
}
