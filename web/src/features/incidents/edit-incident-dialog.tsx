import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { SEVERITIES, type Incident, type Severity } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/field.tsx";
import {
  changesOf,
  checkForm,
  formOf,
  rebase,
  serverFieldErrors,
  timeApplies,
  TIME_FIELDS,
  type DetailsForm,
  type FieldErrors,
} from "./incident-form.ts";
import { TextAreaField } from "../postmortems/text-area-field.tsx";
import { getIncident, updateIncident } from "./incidents.api.ts";
import { FLAG_LABELS, FLAGS, SEVERITY_LABELS, type Flag } from "./labels.ts";
import "./incidents.css";

export interface EditIncidentDialogProps {
  incident: Incident;
  open: boolean;
  onClose(): void;
  /** The incident as the server now has it: after saving, and after reloading someone else's change. */
  onChanged(incident: Incident, how: "saved" | "reloaded"): void;
  now?: () => Date;
}

/** Edits title, severity, impact, flags, services, tags and times; sends only what changed, with If-Match. */
export function EditIncidentDialog({
  incident,
  open,
  onClose,
  onChanged,
  now = () => new Date(),
}: EditIncidentDialogProps) {
  return (
    <Dialog title="Edit details" open={open} onClose={onClose}>
      <EditIncidentForm incident={incident} onCancel={onClose} onChanged={onChanged} now={now} />
    </Dialog>
  );
}

const TIME_HINT = "YYYY-MM-DD HH:MM in UTC";
const FLAG_HINTS: Partial<Record<Flag, string>> = {
  customerImpact: "Customers were affected; it needs a customer-facing version",
};
const TIME_LABELS = {
  detectedAt: "Detected at (UTC)",
  mitigatedAt: "Mitigated at (UTC)",
  resolvedAt: "Resolved at (UTC)",
} as const;

function EditIncidentForm({
  incident,
  onCancel,
  onChanged,
  now,
}: {
  incident: Incident;
  onCancel(): void;
  onChanged: EditIncidentDialogProps["onChanged"];
  now(): Date;
}) {
  const impactId = useId();
  const [base, setBase] = useState(incident);
  const [form, setForm] = useState<DetailsForm>(() => formOf(incident));
  const [errors, setErrors] = useState<FieldErrors & { form?: string }>({});
  const [theirs, setTheirs] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof DetailsForm>(field: K) =>
    (value: DetailsForm[K]) =>
      setForm((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkForm(form, base, now());
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, form: "Correct the fields marked below." });
      return;
    }
    const changes = changesOf(form, base);
    if (Object.keys(changes).length === 0) return onCancel();
    setBusy(true);
    setErrors({});
    try {
      const saved = await updateIncident(base, changes);
      onChanged(saved, "saved");
      onCancel();
    } catch (caught) {
      if (isStale(caught)) {
        // Save stays disabled until their version is in: a second click would send the old version again.
        const latest = await getIncident(base.key).catch(() => undefined);
        setBusy(false);
        if (!latest) {
          setErrors({ form: "Someone else changed this incident, and it could not be reloaded. Try again." });
          return;
        }
        const rebased = rebase(form, base, latest);
        setForm(rebased.form);
        setTheirs(rebased.theirs);
        setBase(latest);
        onChanged(latest, "reloaded");
        setErrors({
          form: "Someone else changed this incident while you were editing. Their changes are filled in; where you both changed a field, yours is kept and theirs is shown under it. Save again to apply yours.",
        });
        return;
      }
      setBusy(false);
      const fieldErrors = caught instanceof ApiError ? serverFieldErrors(caught) : {};
      const marked = Object.keys(fieldErrors).length > 0;
      setErrors({ ...fieldErrors, form: marked ? "Correct the fields marked below." : messageOf(caught) });
    }
  }

  const hint = (field: keyof DetailsForm, text?: string): ReactNode =>
    theirs[field] !== undefined ? (
      <>
        {text && `${text}. `}
        <span className="theirs-now">Now saved by someone else: {theirs[field]}</span>
      </>
    ) : (
      text
    );

  return (
    <form className="stack edit-incident" onSubmit={submit} noValidate>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label="Title"
        value={form.title}
        required
        maxLength={200}
        autoFocus
        description={hint("title")}
        error={errors.title}
        onChange={(e) => set("title")(e.target.value)}
      />
      <SelectField
        label="Severity"
        value={form.severity}
        options={SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] }))}
        description={hint("severity")}
        error={errors.severity}
        onChange={(e) => set("severity")(e.target.value as Severity)}
      />
      <TextAreaField
        id={impactId}
        label="Impact"
        value={form.impact}
        rows={4}
        description={hint("impact", "Who or what was affected, and how")}
        error={errors.impact}
        onChange={(e) => set("impact")(e.target.value)}
      />
      <fieldset className="flag-fields">
        <legend>Flags</legend>
        {FLAGS.map((flag) => (
          <CheckboxField
            key={flag}
            label={FLAG_LABELS[flag]}
            checked={form[flag]}
            description={hint(flag, FLAG_HINTS[flag])}
            error={errors[flag]}
            onChange={set(flag)}
          />
        ))}
      </fieldset>
      <TextField
        label="Services"
        value={form.services}
        description={hint("services", "Comma-separated, e.g. checkout-api, payments")}
        error={errors.services}
        onChange={(e) => set("services")(e.target.value)}
      />
      <TextField
        label="Tags"
        value={form.tags}
        description={hint("tags", "Comma-separated")}
        error={errors.tags}
        onChange={(e) => set("tags")(e.target.value)}
      />
      {TIME_FIELDS.filter((field) => timeApplies(field, base)).map((field) => (
        <TextField
          key={field}
          label={TIME_LABELS[field]}
          value={form[field]}
          inputMode="numeric"
          description={hint(field, field === "detectedAt" ? `${TIME_HINT}; empty if not known` : TIME_HINT)}
          error={errors[field]}
          onChange={(e) => set(field)(e.target.value)}
        />
      ))}
      {base.status !== "resolved" && (
        <p className="hint">
          {base.status === "open" ? "Mitigation and resolution times" : "The resolution time"} can be
          corrected here once the incident reaches that status.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save details"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
