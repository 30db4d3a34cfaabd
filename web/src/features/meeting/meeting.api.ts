// The review meeting's calls: its record (schedule, attendees, notes), meeting mode and what each agenda
// section shows. The agenda and mode shapes are repeated from src/process/agenda.ts and meeting-mode.ts
// (those files read the database, so the web app may not import them): keep them in step.
import { api, ApiError, request } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";
import type { ActionItem } from "../../../../src/actions/action-item.ts";
import type { WhyNode } from "../../../../src/analysis/why-node.ts";
import type { Attendee, Meeting, UpdateMeetingInput } from "../../../../src/postmortems/postmortem.ts";

export type { ActionItem, Attendee, Meeting, UpdateMeetingInput, WhyNode };

export interface AgendaItem {
  key: string;
  title: string;
  minutes: number;
  /** Minutes from the start of the meeting. */
  startMinute: number;
}

export interface Agenda {
  sections: AgendaItem[];
  totalMinutes: number;
  custom: boolean;
  /** The meeting's version; 0 before the meeting exists. */
  version: number;
}

export type MeetingModeAction = "start" | "next" | "previous" | "goto" | "end";

/** Where the room is in the meeting (GET/POST …/meeting/mode). */
export interface MeetingModeState {
  active: boolean;
  startedAt: string | null;
  section: { index: number; key: string; title: string; minutes: number } | null;
  sectionStartedAt: string | null;
  sectionEndsAt: string | null;
  /** Left in the current section by the server's clock; negative when over time. */
  remainingSeconds: number | null;
  elapsedSeconds: number | null;
  plannedEndAt: string | null;
  heldAt: string | null;
  agenda: Agenda;
  /** The meeting's version (If-Match); 0 before it exists. */
  version: number;
}

const base = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/postmortem`;

/** The meeting's version as If-Match, or none before the meeting exists (the API takes that as "none yet"). */
function ifMatchOfMeeting(read: { version: number } | null | undefined): string | undefined {
  return read && read.version > 0 ? `"${read.version}"` : undefined;
}

/** The review meeting, or null while nobody has scheduled or recorded it. */
export async function getMeeting(key: string, signal?: AbortSignal): Promise<Meeting | null> {
  try {
    return await api.get<Meeting>(`${base(key)}/meeting`, undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Writes fields of the meeting (lists and notes replace the stored ones); 412 when `read` is stale. */
export async function saveMeeting(
  key: string,
  read: { version: number } | null,
  changes: UpdateMeetingInput,
): Promise<Meeting> {
  const path = `${base(key)}/meeting`;
  return (await request<Meeting>("PATCH", path, { body: changes, ifMatch: ifMatchOfMeeting(read) })).data;
}

export function getMeetingMode(key: string, signal?: AbortSignal): Promise<MeetingModeState> {
  return api.get<MeetingModeState>(`${base(key)}/meeting/mode`, undefined, signal);
}

/** Starts, moves or ends meeting mode for everyone following it; 412 when someone moved it first. */
export async function moveMeetingMode(
  key: string,
  read: { version: number },
  action: MeetingModeAction,
  section?: number,
): Promise<MeetingModeState> {
  const body = action === "goto" ? { action, section } : { action };
  const path = `${base(key)}/meeting/mode`;
  return (await request<MeetingModeState>("POST", path, { body, ifMatch: ifMatchOfMeeting(read) })).data;
}

/** The calendar invitation's download address; the session cookie authenticates the plain link. */
export function inviteUrl(key: string): string {
  return `${base(key)}/meeting.ics`;
}

export async function listActionItems(key: string, signal?: AbortSignal): Promise<ActionItem[]> {
  const path = `/api/v1/incidents/${encodeURIComponent(key)}/action-items`;
  return (await api.get<Page<ActionItem>>(path, { limit: 100 }, signal)).items;
}

export function getWhys(key: string, signal?: AbortSignal): Promise<WhyNode[]> {
  return api.get<WhyNode[]>(`${base(key)}/whys`, undefined, signal);
}
