// Placeholder wired in by the lead; the helper that owns this file replaces it.
import { useParams } from "wouter";
import { useTitle } from "../../lib/use-title.ts";

/** /incidents/:key/meeting: meeting mode for the review. */
export function MeetingPage() {
  const { key } = useParams<{ key: string }>();
  useTitle(`Meeting ${key}`);
  return <h1>Review meeting {key}</h1>;
}
