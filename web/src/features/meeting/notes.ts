// Notes typed in meeting mode, per agenda section, kept apart from what the server last sent so that a
// save meeting someone else's (412) never drops them.

/** A section's note as this browser edits it: `read` is the stored text it started from. */
export interface NoteDraft {
  read: string;
  text: string;
}

export type NoteDrafts = Record<string, NoteDraft>;

/** Their text for sections both sides changed, until the writer chooses. */
export type NoteConflicts = Record<string, string>;

/**
 * Puts the drafts on top of freshly read notes: a draft the server already holds is done; a section
 * someone else changed meanwhile becomes a conflict (their text kept beside ours, which wins if saved).
 */
export function rebaseNotes(
  drafts: NoteDrafts,
  conflicts: NoteConflicts,
  fresh: Record<string, string>,
): { drafts: NoteDrafts; conflicts: NoteConflicts } {
  const nextDrafts: NoteDrafts = {};
  const nextConflicts: NoteConflicts = { ...conflicts };
  for (const [key, draft] of Object.entries(drafts)) {
    const theirs = fresh[key] ?? "";
    if (theirs === draft.text) {
      delete nextConflicts[key];
    } else if (theirs !== draft.read) {
      nextConflicts[key] = theirs;
      nextDrafts[key] = { read: theirs, text: draft.text };
    } else {
      nextDrafts[key] = draft;
    }
  }
  return { drafts: nextDrafts, conflicts: nextConflicts };
}

/** The notes waiting to be saved: changed, and not waiting for the writer's choice in a conflict. */
export function pendingNotes(drafts: NoteDrafts, conflicts: NoteConflicts): Record<string, string> {
  const pending: Record<string, string> = {};
  for (const [key, draft] of Object.entries(drafts)) {
    if (conflicts[key] === undefined && draft.text !== draft.read) pending[key] = draft.text;
  }
  return pending;
}

/** The drafts once `sent` is stored: those still as sent are done, later typing stays a draft. */
export function afterSave(drafts: NoteDrafts, sent: Record<string, string>): NoteDrafts {
  const next: NoteDrafts = {};
  for (const [key, draft] of Object.entries(drafts)) {
    const stored = sent[key];
    if (stored === undefined) next[key] = draft;
    else if (draft.text !== stored) next[key] = { read: stored, text: draft.text };
  }
  return next;
}
