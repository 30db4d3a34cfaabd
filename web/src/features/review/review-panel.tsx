// Placeholder wired in by the lead; the helper that owns this file replaces it.
import type { Postmortem } from "../../api/types.ts";

/** The review workflow on the post-mortem page: meeting, submit for review, publish. */
export function ReviewPanel(_props: {
  incidentKey: string;
  postmortem: Postmortem;
  canEdit: boolean;
  onChanged(next: Postmortem): void;
}) {
  return null;
}
