import { TIMELINE_KINDS, type TimelineKind } from "../../api/types.ts";

export const KIND_LABELS: Record<TimelineKind, string> = {
  event: "Event",
  action: "Action",
  decision: "Decision",
  observation: "Observation",
  alert: "Alert",
  communication: "Communication",
};

/** The kind an Alt+digit shortcut picks (Alt+1 event … Alt+6 communication), from the physical key. */
export function kindOfShortcut(event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }) {
  if (!event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
  return digit ? TIMELINE_KINDS[Number(digit) - 1] : undefined;
}

export const SHORTCUT_HINT = TIMELINE_KINDS.map(
  (kind, i) => `Alt+${i + 1} ${KIND_LABELS[kind].toLowerCase()}`,
).join(", ");
