import type { PostmortemStatus } from "../../api/types.ts";
import type { SearchField } from "./library.api.ts";

// A Record over each server set makes tsc fail when the set changes.

export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  closed: "Closed",
};

export const POSTMORTEM_STATUSES = Object.keys(POSTMORTEM_STATUS_LABELS) as PostmortemStatus[];

export const FIELD_LABELS: Record<SearchField, string> = {
  title: "Title",
  impact: "Impact",
  rootCause: "Root cause",
  contributingFactors: "Contributing factors",
  resolution: "Resolution",
  lessons: "Lessons learned",
  timeline: "Timeline",
  actionItems: "Action items",
};

/** Words for a similarity score (0..1), strongest first. */
export function similarityWords(score: number): string {
  if (score >= 0.5) return "Very similar";
  if (score >= 0.25) return "Similar";
  return "Somewhat similar";
}
