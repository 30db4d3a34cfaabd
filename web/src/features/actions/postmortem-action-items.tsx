// Placeholder wired in by the lead; the helper that owns this file replaces it.
/** The post-mortem's own action items: list, add, edit inline. `refreshSignal` changes when one was added elsewhere. */
export function PostmortemActionItems(_props: {
  incidentKey: string;
  canEdit: boolean;
  refreshSignal: number;
}) {
  return null;
}
