import { useId } from "react";
import type { ExternalField } from "./external.api.ts";
import { FIELD_HINTS, FIELD_LABELS } from "./labels.ts";

const SINGLE_LINE: readonly ExternalField[] = ["title", "duration"];

/** The DOM id of a field's control ("Show" on a flag selects text in it). */
export const fieldId = (field: ExternalField) => `external-${field}`;

export interface ExternalTextFieldProps {
  field: ExternalField;
  value: string;
  readOnly: boolean;
  error?: string | undefined;
  onChange(value: string): void;
}

/** One of the five texts: a line for title and duration, a text area for the rest; labelled and hinted. */
export function ExternalTextField({ field, value, readOnly, error, onChange }: ExternalTextFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const control = {
    id: fieldId(field),
    value,
    readOnly,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, error && errorId].filter(Boolean).join(" "),
  };
  return (
    <div className="field">
      <label htmlFor={control.id}>{FIELD_LABELS[field]}</label>
      {SINGLE_LINE.includes(field) ? (
        <input {...control} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea {...control} rows={4} onChange={(e) => onChange(e.target.value)} />
      )}
      <small id={hintId} className="hint">
        {FIELD_HINTS[field]}
      </small>
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
