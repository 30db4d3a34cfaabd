// Placeholder wired in by the lead; the helper that owns this file replaces it.
/** The five-whys tree of a post-mortem; calls `onActionItemCreated` after a leaf became an action item. */
export function WhysSection(_props: { incidentKey: string; canEdit: boolean; onActionItemCreated(): void }) {
  return null;
}
