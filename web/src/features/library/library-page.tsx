// Placeholder wired in by the lead; the helper that owns this file replaces it.
import { useTitle } from "../../lib/use-title.ts";

/** /library: search the post-mortems. */
export function LibraryPage() {
  useTitle("Library");
  return <h1>Library</h1>;
}
