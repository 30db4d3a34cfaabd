import { useId, useRef, useState } from "react";
import { StatusLine } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import "./account.css";

export interface SecretDialogProps {
  title: string;
  /** The control's label: "Password", "Token". */
  label: string;
  /** What the secret is for, in one sentence before the warning. */
  intro: string;
  /** The secret; the dialog is open while it is set. The owner drops it on close. */
  secret: string | undefined;
  onClose(): void;
}

/**
 * Shows a secret the server returns once (a generated password, an API token) with a Copy button and
 * a warning that it cannot be shown again. The dialog opens with the secret focused and selected;
 * closing it (Done, Escape) hands it back to be forgotten.
 */
export function SecretDialog({ title, label, intro, secret, onClose }: SecretDialogProps) {
  return (
    <Dialog title={title} open={secret !== undefined} onClose={onClose}>
      {secret !== undefined && <SecretBody label={label} intro={intro} secret={secret} onDone={onClose} />}
    </Dialog>
  );
}

function SecretBody({
  label,
  intro,
  secret,
  onDone,
}: {
  label: string;
  intro: string;
  secret: string;
  onDone(): void;
}) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setStatus("Copied to the clipboard.");
    } catch {
      field.current?.select();
      setStatus("Could not copy: the text is selected, copy it with your keyboard.");
    }
  }

  return (
    <div className="stack">
      <p>{intro}</p>
      <p className="secret-warning" id={`${id}-warning`}>
        <strong>Copy it now.</strong> It is shown only this once: Hindsight keeps no readable copy and cannot
        show it again.
      </p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          ref={field}
          className="secret"
          value={secret}
          readOnly
          rows={2}
          spellCheck={false}
          aria-describedby={`${id}-warning`}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
      <StatusLine>{status}</StatusLine>
    </div>
  );
}
