import { useState } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import {
  dismissRedactionFlag,
  type ExternalField,
  type ExternalVersion,
  type RedactionFlag,
} from "./external.api.ts";
import { FIELD_LABELS, KIND_LABELS } from "./labels.ts";

export interface FlagListProps {
  field: ExternalField;
  flags: readonly RedactionFlag[];
  canEdit: boolean;
  /** The version the flags belong to (dismissing names it). */
  version: ExternalVersion;
  onShow(flag: RedactionFlag): void;
  onDismissed(version: ExternalVersion): void;
  dismiss?: typeof dismissRedactionFlag;
}

/** The redaction flags of one field: what was found and why it matters, Show, and Dismiss with a reason. */
export function FlagList({ field, flags, canEdit, version, onShow, onDismissed, dismiss }: FlagListProps) {
  if (flags.length === 0) return null;
  return (
    <ul className="ext-flags" aria-label={`Flags in ${FIELD_LABELS[field]}`}>
      {flags.map((flag) => (
        <FlagItem
          key={`${flag.kind}:${flag.match}:${flag.start}`}
          flag={flag}
          canEdit={canEdit}
          version={version}
          onShow={onShow}
          onDismissed={onDismissed}
          dismiss={dismiss ?? dismissRedactionFlag}
        />
      ))}
    </ul>
  );
}

function FlagItem({
  flag,
  canEdit,
  version,
  onShow,
  onDismissed,
  dismiss,
}: Omit<FlagListProps, "field" | "flags" | "dismiss"> & {
  flag: RedactionFlag;
  dismiss: typeof dismissRedactionFlag;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: "Say why customers may see this text." });
    setBusy(true);
    try {
      onDismissed(await dismiss(version, flag, reason.trim()));
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({ reason: apiError?.fieldError("reason"), form: `Could not dismiss: ${messageOf(caught)}` });
      setBusy(false);
    }
  }

  const what = `“${flag.match}”`;
  return (
    <li className={flag.dismissed ? "ext-flag is-dismissed" : "ext-flag"}>
      <p>
        <strong>{KIND_LABELS[flag.kind]}</strong>: <span className="ext-match">{what}</span>
      </p>
      <p className="hint">{flag.message}</p>
      {flag.dismissed && (
        <p className="hint">
          Dismissed by {flag.dismissed.by}: {flag.dismissed.reason}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="link-button"
          onClick={() => onShow(flag)}
          aria-label={`Show ${what}`}
        >
          Show
        </button>
        {canEdit && !flag.dismissed && !asking && (
          <button
            type="button"
            className="link-button"
            onClick={() => setAsking(true)}
            aria-label={`Dismiss ${what}`}
          >
            Dismiss
          </button>
        )}
      </div>
      {asking && !flag.dismissed && (
        <div className="ext-dismiss stack" role="group" aria-label={`Dismiss ${what}`}>
          <ErrorAlert>{errors.form}</ErrorAlert>
          <TextField
            label="Why may customers see it?"
            value={reason}
            autoFocus
            error={errors.reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void submit(e);
              if (e.key === "Escape") setAsking(false);
            }}
          />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={submit}>
              {busy ? "Dismissing…" : "Dismiss flag"}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
