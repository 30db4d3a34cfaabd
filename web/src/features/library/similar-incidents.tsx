// Placeholder wired in by the lead; the helper that owns this file replaces it.
/** "Similar past incidents" on a post-mortem page. */
export function SimilarIncidents(_props: { incidentKey: string }) {
  return null;
}
