import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { isStale, messageOf } from "../../api/client.ts";
import { getMeeting, saveMeeting, type Meeting, type UpdateMeetingInput } from "./meeting.api.ts";
import { afterSave, pendingNotes, rebaseNotes, type NoteConflicts, type NoteDrafts } from "./notes.ts";

export const NOTES_SAVE_DELAY_MS = 1_000;
const WRITE_ATTEMPTS = 3;

export interface MeetingRecordCalls {
  load(): Promise<Meeting | null>;
  save(read: Meeting | null, changes: UpdateMeetingInput): Promise<Meeting>;
}

export function meetingRecordCalls(key: string): MeetingRecordCalls {
  return { load: () => getMeeting(key), save: (read, changes) => saveMeeting(key, read, changes) };
}

export type NotesState =
  { kind: "idle" | "waiting" | "saving" | "saved" } | { kind: "failed"; message: string };

export interface NewAttendee {
  name: string;
  email: string | null;
}

export interface MeetingRecord {
  /** The meeting as last read or written; null before anyone scheduled it, undefined while loading. */
  meeting: Meeting | null | undefined;
  loadError: unknown;
  notesState: NotesState;
  noteOf(section: string): string;
  /** Their text for a section someone else changed while this browser was editing it. */
  theirNoteOf(section: string): string | undefined;
  editNote(section: string, text: string): void;
  keepMine(section: string): void;
  takeTheirs(section: string): void;
  saveNotes(): Promise<void>;
  addAttendee(attendee: NewAttendee): Promise<void>;
  removeAttendee(attendee: NewAttendee): Promise<void>;
  /** Reads the meeting again (others' notes and attendees) without touching what is being typed. */
  refresh(): Promise<void>;
}

/**
 * The meeting's attendees and per-section notes, written with If-Match one at a time. Notes save about
 * a second after typing stops; on 412 the latest is read, typed notes are put on top of it (a section
 * both changed shows theirs beside ours) and the write is tried again, so typed text is never lost.
 */
export function useMeetingRecord(
  calls: MeetingRecordCalls,
  options: { enabled: boolean; delayMs?: number },
): MeetingRecord {
  const delay = options.delayMs ?? NOTES_SAVE_DELAY_MS;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [notesState, setNotesState] = useState<NotesState>({ kind: "idle" });
  const base = useRef<Meeting | null | undefined>(undefined);
  const drafts = useRef<NoteDrafts>({});
  const conflicts = useRef<NoteConflicts>({});
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callsRef = useRef(calls);
  callsRef.current = calls;

  /** Runs writes and reads one after the other, so each starts from the last one's result. */
  const enqueue = useCallback(<T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(operation);
    queue.current = result.catch(() => undefined);
    return result;
  }, []);

  const reload = useCallback(async () => {
    const fresh = await callsRef.current.load();
    if (fresh && base.current && fresh.version < base.current.version) return;
    base.current = fresh;
    const rebased = rebaseNotes(drafts.current, conflicts.current, fresh?.notes ?? {});
    drafts.current = rebased.drafts;
    conflicts.current = rebased.conflicts;
    rerender();
  }, []);

  /** One write from the latest read; on 412 reads again and recomputes the change from there. */
  const write = useCallback(
    async (changesFrom: (read: Meeting | null) => UpdateMeetingInput | null) => {
      for (let attempt = 1; ; attempt++) {
        const read = base.current ?? null;
        const changes = changesFrom(read);
        if (!changes) return;
        try {
          base.current = await callsRef.current.save(read, changes);
          rerender();
          return;
        } catch (error) {
          if (!isStale(error) || attempt >= WRITE_ATTEMPTS) throw error;
          await reload();
        }
      }
    },
    [reload],
  );

  const saveNotes = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    return enqueue(async () => {
      let sent: Record<string, string> = {};
      setNotesState({ kind: "saving" });
      try {
        await write((read) => {
          sent = pendingNotes(drafts.current, conflicts.current);
          if (Object.keys(sent).length === 0) return null;
          return { notes: { ...read?.notes, ...sent } };
        });
        drafts.current = afterSave(drafts.current, sent);
        rerender();
        const more = timer.current !== undefined;
        setNotesState({ kind: more ? "waiting" : Object.keys(sent).length > 0 ? "saved" : "idle" });
      } catch (error) {
        setNotesState({ kind: "failed", message: messageOf(error) });
      }
    });
  }, [enqueue, write]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    setNotesState({ kind: "waiting" });
    timer.current = setTimeout(() => void saveNotes(), delay);
  }, [delay, saveNotes]);

  useEffect(() => {
    enqueue(reload).catch((error: unknown) => setLoadError(error));
  }, [enqueue, reload]);

  // Leaving the page saves what is still waiting instead of dropping it with the timer.
  useEffect(
    () => () => {
      if (timer.current !== undefined) void saveNotes();
    },
    [saveNotes],
  );

  const noteOf = (section: string) => drafts.current[section]?.text ?? base.current?.notes[section] ?? "";

  return {
    meeting: base.current,
    loadError,
    notesState,
    noteOf,
    theirNoteOf: (section) => conflicts.current[section],
    editNote: (section, text) => {
      if (!options.enabled) return;
      const read = drafts.current[section]?.read ?? base.current?.notes[section] ?? "";
      drafts.current = { ...drafts.current, [section]: { read, text } };
      rerender();
      schedule();
    },
    keepMine: (section) => {
      const { [section]: _, ...rest } = conflicts.current;
      conflicts.current = rest;
      rerender();
      void saveNotes();
    },
    takeTheirs: (section) => {
      const { [section]: _, ...rest } = conflicts.current;
      const { [section]: __, ...otherDrafts } = drafts.current;
      conflicts.current = rest;
      drafts.current = otherDrafts;
      rerender();
    },
    saveNotes,
    addAttendee: (attendee) =>
      enqueue(() => write((read) => ({ attendees: [...(read?.attendees ?? []), attendee] }))),
    removeAttendee: (attendee) =>
      enqueue(() =>
        write((read) => {
          const list = read?.attendees ?? [];
          const index = list.findIndex((a) => a.name === attendee.name && a.email === attendee.email);
          return index < 0 ? null : { attendees: list.filter((_, i) => i !== index) };
        }),
      ),
    refresh: () => enqueue(reload).catch(() => undefined),
  };
}
