import { StatusLine } from "../../components/alert.tsx";
import { TextAreaField } from "../postmortems/text-area-field.tsx";
import type { MeetingRecord } from "./use-meeting-record.ts";

function statusText(record: MeetingRecord, canEdit: boolean): string {
  if (!canEdit) return "Read only: your role can read the notes, not write them.";
  const state = record.notesState;
  if (state.kind === "waiting") return "Not saved yet";
  if (state.kind === "saving") return "Saving…";
  if (state.kind === "saved") return "Saved";
  if (state.kind === "failed") return "Not saved";
  return "";
}

export interface SectionNotesProps {
  section: { key: string; title: string };
  record: MeetingRecord;
  canEdit: boolean;
}

/**
 * The notes for one agenda section, saved as you type; when someone else changed them meanwhile,
 * their text is shown beside yours and you choose which to keep.
 */
export function SectionNotes({ section, record, canEdit }: SectionNotesProps) {
  const theirs = record.theirNoteOf(section.key);
  const label = `Notes on ${section.title}`;
  return (
    <div className="mt-notes stack">
      {theirs !== undefined && (
        <div role="group" aria-label={`${label}: someone else changed them too`} className="theirs stack">
          <p>
            Someone else saved these notes while you were writing. Yours are kept in the field below; theirs:
          </p>
          <p className="mt-text">{theirs || "(empty)"}</p>
          <div className="actions">
            <button type="button" onClick={() => record.keepMine(section.key)}>
              Keep mine
            </button>
            <button type="button" onClick={() => record.takeTheirs(section.key)}>
              Use theirs
            </button>
          </div>
        </div>
      )}
      <TextAreaField
        id={`mt-notes-${section.key}`}
        label={label}
        description="Saved as you type; everyone following the meeting sees them."
        rows={5}
        value={record.noteOf(section.key)}
        readOnly={!canEdit}
        onChange={(e) => record.editNote(section.key, e.target.value)}
        onBlur={() => {
          if (record.notesState.kind === "waiting") void record.saveNotes();
        }}
      />
      <StatusLine>{statusText(record, canEdit)}</StatusLine>
      {record.notesState.kind === "failed" && (
        <div role="alert" className="alert">
          Your notes are not saved yet: {record.notesState.message}{" "}
          <button type="button" onClick={() => void record.saveNotes()}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
