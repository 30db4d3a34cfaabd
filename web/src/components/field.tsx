import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";

interface FieldChrome {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  /** A hint read out with the control (format, shortcuts). */
  description?: ReactNode;
  /** The field's error, shown under it and announced. */
  error?: string | undefined;
  /** Hides the label visually (it stays the accessible name); for compact rows. */
  hideLabel?: boolean;
}

/** The hint and the error under a control, with the ids its aria-describedby names. */
function FieldHints({
  id,
  description,
  error,
}: {
  id: string;
  description?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {description !== undefined && (
        <small id={`${id}-hint`} className="hint">
          {description}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}

export type TextFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input with an optional hint and error, wired for screen readers. */
export function TextField({
  label,
  description,
  error,
  hideLabel,
  className,
  ref,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description !== undefined && `${id}-hint`, error && `${id}-error`)}
        {...input}
      />
      <FieldHints id={id} description={description} error={error} />
    </div>
  );
}

export type SelectFieldProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
    options: readonly (string | { value: string; label: string })[];
    ref?: Ref<HTMLSelectElement>;
  };

/** A labelled native select: keyboard and screen-reader behaviour come from the browser. */
export function SelectField({
  label,
  description,
  error,
  hideLabel,
  className,
  options,
  ref,
  ...select
}: SelectFieldProps) {
  const id = useId();
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description !== undefined && `${id}-hint`, error && `${id}-error`)}
        {...select}
      >
        {options.map((option) => {
          const { value, label: text } =
            typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
      <FieldHints id={id} description={description} error={error} />
    </div>
  );
}

export interface CheckboxFieldProps {
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A labelled checkbox with its hint and error below, wired for screen readers. */
export function CheckboxField({ label, description, error, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(description !== undefined && `${id}-hint`, error && `${id}-error`)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldHints id={id} description={description} error={error} />
    </div>
  );
}
