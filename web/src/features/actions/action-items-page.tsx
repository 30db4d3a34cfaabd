// Placeholder wired in by the lead; the helper that owns this file replaces it.
import { useTitle } from "../../lib/use-title.ts";

/** /action-items: every action item across all post-mortems. */
export function ActionItemsPage() {
  useTitle("Action items");
  return <h1>Action items</h1>;
}
