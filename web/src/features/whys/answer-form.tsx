import { useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";

export interface AnswerFormProps {
  /** The field's label and accessible name ("Why 2", "Problem statement"). */
  label: string;
  description: string;
  submitLabel: string;
  /** Said when Enter is pressed on an empty field. */
  emptyMessage: string;
  /** Saves the text; throws the API's error, which is shown while the text stays. */
  onSave(text: string): Promise<void>;
  /** Without it the form stays open (the problem statement form is always there). */
  onCancel?(): void;
  autoFocus?: boolean;
}

/** One line of text saved with Enter (Escape cancels): a new answer, or a new analysis's problem. */
export function AnswerForm({
  label,
  description,
  submitLabel,
  emptyMessage,
  onSave,
  onCancel,
  autoFocus,
}: AnswerFormProps) {
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ text?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) return setErrors({ text: emptyMessage });
    setBusy(true);
    try {
      await onSave(text.trim());
      setText("");
      setErrors({});
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({ text: apiError?.fieldError("text"), form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !onCancel) return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form className="why-form" onSubmit={save} onKeyDown={cancelOnEscape} noValidate aria-label={label}>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label={label}
        description={description}
        value={text}
        maxLength={2000}
        autoFocus={autoFocus}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
