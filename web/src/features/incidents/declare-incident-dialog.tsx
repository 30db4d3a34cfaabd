import { useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { SEVERITIES, type Incident, type Severity } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { formatUtc, parseUtcInput, toUtcIso } from "../../lib/time.ts";
import { declareIncident } from "./incidents.api.ts";
import { SEVERITY_LABELS } from "./labels.ts";

export interface DeclareIncidentDialogProps {
  open: boolean;
  onClose(): void;
  onDeclared(incident: Incident): void;
  now?: () => Date;
}

/** Title, severity and start (UTC, now unless changed); declares the incident on submit. */
export function DeclareIncidentDialog({
  open,
  onClose,
  onDeclared,
  now = () => new Date(),
}: DeclareIncidentDialogProps) {
  return (
    <Dialog title="Declare incident" open={open} onClose={onClose}>
      <DeclareIncidentForm
        onCancel={onClose}
        onDeclared={onDeclared}
        startedAt={formatUtc(toUtcIso(now()))}
      />
    </Dialog>
  );
}

function DeclareIncidentForm({
  startedAt: initialStart,
  onCancel,
  onDeclared,
}: {
  startedAt: string;
  onCancel(): void;
  onDeclared(incident: Incident): void;
}) {
  const [title, setTitle] = useState("");
  const [severity, setSeverity] = useState<Severity>("P2");
  const [startedAt, setStartedAt] = useState(initialStart);
  const [errors, setErrors] = useState<{ title?: string; startedAt?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const start = parseUtcInput(startedAt);
    const found = {
      title: title.trim() ? undefined : "Give the incident a title.",
      startedAt: start ? undefined : "Write the start as YYYY-MM-DD HH:MM (UTC), a time that exists.",
    };
    if (found.title || found.startedAt) {
      setErrors({ ...found, form: "Correct the fields marked below." });
      return;
    }
    setBusy(true);
    try {
      onDeclared(await declareIncident({ title: title.trim(), severity, startedAt: start! }));
    } catch (caught) {
      setBusy(false);
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({
        title: apiError?.fieldError("title"),
        startedAt: apiError?.fieldError("startedAt"),
        form: messageOf(caught),
      });
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label="Title"
        value={title}
        required
        maxLength={200}
        autoFocus
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <SelectField
        label="Severity"
        value={severity}
        options={SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] }))}
        onChange={(event) => setSeverity(event.target.value as Severity)}
      />
      <TextField
        label="Started at (UTC)"
        value={startedAt}
        inputMode="numeric"
        description="YYYY-MM-DD HH:MM in UTC; now unless you change it."
        error={errors.startedAt}
        onChange={(event) => setStartedAt(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Declaring…" : "Declare"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
