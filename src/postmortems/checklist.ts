import { z } from "zod";

export const ChecklistPhases = ["before", "during", "after"] as const;
export const ChecklistPhase = z.enum(ChecklistPhases);
export type ChecklistPhase = z.infer<typeof ChecklistPhase>;

/** The default review checklist, in the order a team works through it. */
export const ChecklistItems = [
  { key: "timeline-drafted", phase: "before", label: "The timeline is written up from the incident record" },
  { key: "data-gathered", phase: "before", label: "Logs, graphs and other evidence are collected" },
  { key: "attendees-chosen", phase: "before", label: "Attendees and a facilitator are picked" },
  { key: "invitation-sent", phase: "before", label: "The meeting invitation has gone out" },
  {
    key: "blameless-framing",
    phase: "during",
    label: "The facilitator opened with the blameless ground rules",
  },
  { key: "timeline-reviewed", phase: "during", label: "The group walked through the timeline together" },
  {
    key: "causes-discussed",
    phase: "during",
    label: "Root cause and contributing factors were talked through",
  },
  { key: "action-items-assigned", phase: "during", label: "Every action item has an owner and a due date" },
  { key: "went-well-captured", phase: "during", label: "What worked in the response is written down" },
  { key: "published-on-time", phase: "after", label: "The write-up was published within a week" },
  { key: "action-items-tracked", phase: "after", label: "Action items are filed in the issue tracker" },
  { key: "shared-internally", phase: "after", label: "The write-up was shared with the wider organisation" },
  { key: "external-version", phase: "after", label: "Customers got a summary, if they were affected" },
  { key: "open-items-followed-up", phase: "after", label: "Open action items are chased until done" },
] as const satisfies readonly { key: string; phase: ChecklistPhase; label: string }[];

export type ChecklistItemKey = (typeof ChecklistItems)[number]["key"];
export const ChecklistItemKey = z.enum(
  ChecklistItems.map((item) => item.key) as [ChecklistItemKey, ...ChecklistItemKey[]],
  { message: `must be one of ${ChecklistItems.map((item) => item.key).join(", ")}` },
);

export function checklistItem(key: ChecklistItemKey): (typeof ChecklistItems)[number] {
  return ChecklistItems.find((item) => item.key === key)!;
}

type ChecklistItem = (typeof ChecklistItems)[number];
type PhaseLists = Record<ChecklistPhase, readonly string[]>;

/**
 * The items a post-mortem of this severity works through, phase by phase in the configured order: the
 * severity's own list for a phase where it has one, else the default list.
 */
export function checklistItemsFor(
  checklists: { default: PhaseLists; bySeverity: Partial<Record<string, Partial<PhaseLists>>> },
  severity: string,
): ChecklistItem[] {
  const own = checklists.bySeverity[severity] ?? {};
  return ChecklistPhases.flatMap((phase) =>
    (own[phase] ?? checklists.default[phase]).flatMap((key) => {
      const item = ChecklistItems.find((candidate) => candidate.key === key && candidate.phase === phase);
      return item ? [item] : [];
    }),
  );
}
