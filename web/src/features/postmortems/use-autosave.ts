import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import type { Postmortem, UpdatePostmortemInput } from "../../api/types.ts";
import type { DraftBackup } from "./draft-backup.ts";
import {
  changedSections,
  changesOf,
  draftOf,
  rebase,
  type Conflicts,
  type Draft,
  type SectionKey,
  type SectionValue,
} from "./draft.ts";

export const AUTOSAVE_DELAY_MS = 1_000;
/** After a network failure or a server error, the save is tried again this much later. */
export const RETRY_DELAY_MS = 5_000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "conflict" }
  | { kind: "failed"; message: string; retrying?: boolean };

export interface AutosaveCalls {
  save(read: Postmortem, changes: UpdatePostmortemInput): Promise<Postmortem>;
  load(): Promise<Postmortem>;
}

export interface Autosave {
  /** The stored post-mortem as last read or saved (its version is the next If-Match). */
  base: Postmortem;
  draft: Draft;
  /** Their value of each section both of you changed; the draft keeps yours. */
  conflicts: Conflicts;
  state: SaveState;
  edit<K extends SectionKey>(section: K, value: Draft[K]): void;
  /** Ends a conflict: the section's draft becomes `value` and is saved over theirs. */
  resolve<K extends SectionKey>(section: K, value: Draft[K]): void;
  /** True when unsaved text from an earlier visit was put back into the draft. */
  restored: boolean;
  /** Takes a newer copy whose text is unchanged (a checklist tick) without touching the draft. */
  refresh(update: (base: Postmortem) => Postmortem): void;
  saveNow(): Promise<void>;
}

/**
 * Keeps the editor's draft and saves what changed about a second after typing stops, with If-Match.
 * On 412 it loads their version and rebases: sections only they changed take their text, sections
 * both changed become conflicts shown side by side, and typed text is never dropped.
 */
export function useAutosave(
  initial: Postmortem,
  calls: AutosaveCalls,
  options: { enabled: boolean; delayMs?: number; backup?: DraftBackup; onSaved?(saved: Postmortem): void },
): Autosave {
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  // Unsaved text from an earlier visit goes on top of what is stored now, like after a 412.
  const [start] = useState(() => {
    const backup = options.enabled ? options.backup?.load() : undefined;
    const rebased = backup && rebase(backup.read, backup.mine, draftOf(initial), backup.conflicts);
    const restored = rebased !== undefined && changedSections(draftOf(initial), rebased.draft).length > 0;
    return restored ? { ...rebased, restored } : { draft: draftOf(initial), conflicts: {}, restored };
  });
  const [base, setBaseState] = useState(initial);
  const [draft, setDraftState] = useState(start.draft);
  const [conflicts, setConflictsState] = useState<Conflicts>(start.conflicts);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  // The save runs across renders: it reads and writes the latest values through refs.
  const baseRef = useRef(base);
  const draftRef = useRef(draft);
  const conflictsRef = useRef(conflicts);
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callsRef = useRef(calls);
  callsRef.current = calls;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const setBase = (next: Postmortem) => {
    baseRef.current = next;
    setBaseState(next);
  };
  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const setConflicts = (next: Conflicts) => {
    conflictsRef.current = next;
    setConflictsState(next);
  };

  const pendingChanges = () => changesOf(draftOf(baseRef.current), draftRef.current, conflictsRef.current);
  const hasConflicts = () => Object.keys(conflictsRef.current).length > 0;
  const settledState = (): SaveState =>
    hasConflicts()
      ? { kind: "conflict" }
      : Object.keys(pendingChanges()).length > 0
        ? { kind: "pending" }
        : { kind: "saved" };

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (!optionsRef.current.enabled) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const read = baseRef.current;
    const changes = pendingChanges();
    if (Object.keys(changes).length === 0) return;
    saving.current = true;
    setState({ kind: "saving" });
    try {
      const saved = await callsRef.current.save(read, changes);
      setBase(saved);
      setState(settledState());
      optionsRef.current.onSaved?.(saved);
    } catch (error) {
      if (!isStale(error)) {
        // Offline or a server hiccup: try again by itself; a refused value waits for the writer.
        const retrying = error instanceof ApiError && (error.status === 0 || error.status >= 500);
        setState({ kind: "failed", message: messageOf(error), retrying });
        if (retrying && !again.current) timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
        return;
      }
      try {
        const theirs = await callsRef.current.load();
        const rebased = rebase(draftOf(read), draftRef.current, draftOf(theirs), conflictsRef.current);
        setBase(theirs);
        setDraft(rebased.draft);
        setConflicts(rebased.conflicts);
        // With nothing to choose, what is left of the draft goes on top of theirs right away.
        again.current = Object.keys(pendingChanges()).length > 0;
        setState(settledState());
      } catch (loadError) {
        setState({ kind: "failed", message: messageOf(loadError) });
      }
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
    // The refs make this stable: it always reads the latest draft.
  }, []);

  const schedule = () => {
    clearTimeout(timer.current);
    if (!optionsRef.current.enabled) return;
    setState(settledState());
    if (Object.keys(pendingChanges()).length > 0) timer.current = setTimeout(() => void save(), delay);
  };

  const edit = <K extends SectionKey>(section: K, value: Draft[K]) => {
    setDraft({ ...draftRef.current, [section]: value });
    schedule();
  };

  const resolve = <K extends SectionKey>(section: K, value: Draft[K]) => {
    const rest: Conflicts = { ...conflictsRef.current };
    delete rest[section];
    setConflicts(rest);
    setDraft({ ...draftRef.current, [section]: value as SectionValue });
    schedule();
  };

  const refresh = (update: (current: Postmortem) => Postmortem) => setBase(update(baseRef.current));

  // The safety net follows every change; once all is saved there is nothing to keep.
  useEffect(() => {
    const backup = optionsRef.current.backup;
    if (!backup || !optionsRef.current.enabled) return;
    if (changedSections(draftOf(base), draft).length > 0) {
      backup.save({ read: draftOf(base), mine: draft, conflicts });
    } else backup.clear();
  }, [base, draft, conflicts]);

  // Restored text is saved like freshly typed text.
  useEffect(() => {
    if (start.restored) schedule();
    // Once, on mount.
  }, []);

  // Leaving the page saves what is still waiting, instead of dropping it with the timer.
  useEffect(
    () => () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        void save();
      }
    },
    [save],
  );

  // The browser warns before a reload or close would lose unsaved text.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pendingChanges()).length > 0 || hasConflicts()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { base, draft, conflicts, state, restored: start.restored, edit, resolve, refresh, saveNow: save };
}
