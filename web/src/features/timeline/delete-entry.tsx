import { useEffect, useId, useRef, type KeyboardEvent } from "react";

export interface DeleteConfirmProps {
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The inline "Delete this entry? Yes / Cancel" question; Cancel has focus (a held Enter deletes nothing), Escape cancels. */
export function DeleteConfirm({ busy, onConfirm, onCancel }: DeleteConfirmProps) {
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  }

  return (
    <span className="delete-confirm" role="group" aria-labelledby={questionId} onKeyDown={cancelOnEscape}>
      <span id={questionId}>Delete this entry?</span>
      <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
        {busy ? "Deleting…" : "Yes, delete"}
      </button>
      <button type="button" ref={cancel} disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
