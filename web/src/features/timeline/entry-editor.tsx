import { useState, type FormEvent, type KeyboardEvent } from "react";
import { isStale, messageOf, ApiError } from "../../api/client.ts";
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { formatUtc, parseUtcInput } from "../../lib/time.ts";
import { KIND_LABELS } from "./kinds.ts";
import { editTimelineEntry, getTimelineEntry, type EntryChanges } from "./timeline.api.ts";

export interface EntryEditorProps {
  entry: TimelineEntry;
  onSaved(entry: TimelineEntry): void;
  onCancel(): void;
}

/**
 * Inline edit of one entry: Enter saves (with If-Match), Escape cancels. When someone else saved the
 * entry first, their version is shown beside what you typed, which stays in the fields.
 */
export function EntryEditor({ entry, onSaved, onCancel }: EntryEditorProps) {
  const [base, setBase] = useState(entry);
  const [text, setText] = useState(entry.text);
  const [time, setTime] = useState(formatUtc(entry.occurredAt, true));
  const [kind, setKind] = useState<TimelineKind>(entry.kind);
  const [errors, setErrors] = useState<{ text?: string; time?: string; form?: string }>({});
  const [theirs, setTheirs] = useState<TimelineEntry | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const occurredAt = parseUtcInput(time);
    const found = {
      text: text.trim() ? undefined : "The entry needs text.",
      time: occurredAt ? undefined : "Write the time as YYYY-MM-DD HH:MM[:SS] in UTC.",
    };
    if (found.text || found.time) return setErrors({ ...found, form: "Correct the fields marked below." });
    const changes: EntryChanges = {};
    if (text.trim() !== base.text) changes.text = text.trim();
    if (occurredAt !== base.occurredAt) changes.occurredAt = occurredAt!;
    if (kind !== base.kind) changes.kind = kind;
    if (Object.keys(changes).length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await editTimelineEntry(base, changes));
    } catch (caught) {
      setBusy(false);
      if (isStale(caught)) {
        const latest = await getTimelineEntry(base).catch(() => undefined);
        if (latest) {
          setBase(latest);
          setTheirs(latest);
        }
        return setErrors({
          form: "Someone changed this entry while you were editing. Compare, then save again to keep yours.",
        });
      }
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({
        text: apiError?.fieldError("text"),
        time: apiError?.fieldError("occurredAt"),
        form: messageOf(caught),
      });
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form
      className="entry-editor"
      onSubmit={save}
      onKeyDown={cancelOnEscape}
      aria-label={`Edit entry at ${formatUtc(entry.occurredAt)} UTC`}
    >
      <ErrorAlert>{errors.form}</ErrorAlert>
      {theirs && (
        <div className="theirs">
          <strong>Their version:</strong> {formatUtc(theirs.occurredAt, true)} UTC, {KIND_LABELS[theirs.kind]}
          : {theirs.text}
        </div>
      )}
      <TextField
        label="Entry text"
        value={text}
        autoFocus
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="editor-row">
        <TextField
          label="Time (UTC)"
          value={time}
          error={errors.time}
          onChange={(e) => setTime(e.target.value)}
        />
        <SelectField
          label="Kind"
          value={kind}
          options={TIMELINE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(e) => setKind(e.target.value as TimelineKind)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <small className="hint">Enter saves, Escape cancels.</small>
      </div>
    </form>
  );
}
