// Placeholder wired in by the lead; the helper that owns this file replaces it.
import { useParams } from "wouter";
import { useTitle } from "../../lib/use-title.ts";

/** /incidents/:key/external: the customer-facing version, its redaction flags, approval and publishing. */
export function ExternalPage() {
  const { key } = useParams<{ key: string }>();
  useTitle(`Customer-facing version ${key}`);
  return <h1>Customer-facing version {key}</h1>;
}
