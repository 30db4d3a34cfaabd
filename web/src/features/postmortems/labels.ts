import type { ChecklistItemKey, ChecklistPhase, DeadlineState, RequiredDecision } from "../../api/types.ts";

// Words for the process data the post-mortem carries. A Record over each server type makes tsc fail
// when the server's set changes (the values live here so zod stays out of the bundle).

export const CHECKLIST_LABELS: Record<ChecklistItemKey, string> = {
  "timeline-drafted": "The timeline is written up from the incident record",
  "data-gathered": "Logs, graphs and other evidence are collected",
  "attendees-chosen": "Attendees and a facilitator are picked",
  "invitation-sent": "The meeting invitation has gone out",
  "blameless-framing": "The facilitator opened with the blameless ground rules",
  "timeline-reviewed": "The group walked through the timeline together",
  "causes-discussed": "Root cause and contributing factors were talked through",
  "action-items-assigned": "Every action item has an owner and a due date",
  "went-well-captured": "What worked in the response is written down",
  "published-on-time": "The write-up was published within a week",
  "action-items-tracked": "Action items are filed in the issue tracker",
  "shared-internally": "The write-up was shared with the wider organisation",
  "external-version": "Customers got a summary, if they were affected",
  "open-items-followed-up": "Open action items are chased until done",
};

export const PHASE_LABELS: Record<ChecklistPhase, string> = {
  before: "Before the meeting",
  during: "During the meeting",
  after: "After the meeting",
};

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  on_track: "on track",
  due: "due",
  overdue: "overdue",
  met: "done",
};

export const DECISION_LABELS: Record<RequiredDecision, string> = {
  always: "Yes, run one",
  usually: "Usually: run one unless the team agrees it adds nothing",
  skip: "Can be skipped",
};

/** `3 h`, `2 days`: a rough span for a deadline badge. */
export function roughSpan(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 3600) return `${Math.max(1, Math.round(abs / 60))} min`;
  if (abs < 48 * 3600) return `${Math.round(abs / 3600)} h`;
  return `${Math.round(abs / 86400)} days`;
}
