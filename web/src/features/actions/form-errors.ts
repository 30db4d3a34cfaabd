import { ApiError, messageOf } from "../../api/client.ts";
import { FIELD_LABELS } from "./labels.ts";

/** Errors per API field (`owner`, `dueDate`, …), each a sentence naming its field, plus one for the form. */
export type FormErrors = Partial<Record<string, string>> & { form?: string };

/** `Due date must be …`: a field's error as a sentence that says which field it is about. */
export function fieldMessage(field: string, message: string): string {
  return `${FIELD_LABELS[field] ?? field} ${message}`;
}

/** Adds the form-level message: `prefix: <every field's error>.` */
export function withFormMessage(errors: FormErrors, prefix: string): FormErrors {
  const fields = Object.entries(errors)
    .filter(([field, message]) => field !== "form" && message)
    .map(([, message]) => message);
  return fields.length > 0 ? { ...errors, form: `${prefix}: ${fields.join("; ")}.` } : errors;
}

/** The errors a failed save gives each field, and a form-level message naming the fields. */
export function errorsOf(caught: unknown, prefix: string): FormErrors {
  const errors: FormErrors = {};
  if (caught instanceof ApiError) {
    for (const { path, message } of caught.errors) {
      const field = path.replace(/^body\./, "");
      if (field in FIELD_LABELS) errors[field] = fieldMessage(field, message);
    }
  }
  const named = withFormMessage(errors, prefix);
  return named.form ? named : { ...errors, form: `${prefix}: ${messageOf(caught)}` };
}
