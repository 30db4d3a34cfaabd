// Unsaved text kept in the tab's sessionStorage, so a reload, a crash or an expired session (the
// sign-in page brings the writer back) does not lose it. Cleared once everything is saved.
import type { Conflicts, Draft } from "./draft.ts";

export interface Backup {
  /** What the unsaved edits started from. */
  read: Draft;
  /** The edits. */
  mine: Draft;
  /** Sections still waiting for a choice between the writer's text and someone else's. */
  conflicts?: Conflicts;
}

export interface DraftBackup {
  load(): Backup | undefined;
  save(backup: Backup): void;
  clear(): void;
}

/** The backup of one incident's post-mortem draft in this browser tab. */
export function sessionBackup(incidentKey: string): DraftBackup {
  const name = `hindsight:postmortem-draft:${incidentKey}`;
  const storage = (): Storage | undefined => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined; // storage disabled: the editor still works, without the safety net
    }
  };
  return {
    load() {
      try {
        const text = storage()?.getItem(name);
        const parsed = text ? (JSON.parse(text) as Partial<Backup>) : undefined;
        return parsed?.read && parsed.mine ? (parsed as Backup) : undefined;
      } catch {
        return undefined;
      }
    },
    save(backup) {
      try {
        storage()?.setItem(name, JSON.stringify(backup));
      } catch {
        // full or disabled: nothing more to do
      }
    },
    clear() {
      storage()?.removeItem(name);
    },
  };
}
