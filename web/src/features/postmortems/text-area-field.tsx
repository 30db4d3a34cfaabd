import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";

export type TextAreaFieldProps = {
  /** The visible label, which is also the control's accessible name. */
  label: ReactNode;
  /** The DOM id ("Go to" from a finding focuses it). */
  id: string;
  description?: ReactNode;
  error?: string | undefined;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

/** A labelled multi-line text field with an optional hint and error, like TextField in components/. */
export function TextAreaField({ label, id, description, error, className, ...textarea }: TextAreaFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [description !== undefined && hintId, error && errorId].filter(Boolean).join(" ");
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {description !== undefined && (
        <small id={hintId} className="hint">
          {description}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
