import type { ActionItemStatus, ActionItemType, Priority } from "./actions.api.ts";

// Records over the server's closed sets: tsc fails here if a set gains or loses a value.
export const STATUS_LABELS: Record<ActionItemStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

export const TYPE_LABELS: Record<ActionItemType, string> = {
  prevent: "Prevent",
  detect: "Detect",
  mitigate: "Mitigate",
  process: "Process",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const STATUSES = Object.keys(STATUS_LABELS) as ActionItemStatus[];
export const TYPES = Object.keys(TYPE_LABELS) as ActionItemType[];
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];

/** The names the forms give the API's fields, so an error can say which field it is about. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  owner: "Owner",
  dueDate: "Due date",
  type: "Type",
  priority: "Priority",
  status: "Status",
  wontDoReason: "Reason",
  externalUrl: "Link",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a calendar date `YYYY-MM-DD` that exists. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether `text` is an http(s) link, the only kind the API takes and the board renders as a link. */
export function isWebLink(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
