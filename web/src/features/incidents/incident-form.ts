// The details form as text, its checks, and the changes it makes to an incident (no React).
import type { ApiError } from "../../api/client.ts";
import type { Incident, Severity } from "../../api/types.ts";
import { asSentence } from "../../lib/as-sentence.ts";
import { formatUtc, parseUtcInput } from "../../lib/time.ts";
import type { IncidentChanges } from "./incidents.api.ts";
import { FLAGS } from "./labels.ts";

export interface DetailsForm {
  title: string;
  severity: Severity;
  impact: string;
  customerImpact: boolean;
  dataLoss: boolean;
  security: boolean;
  services: string;
  tags: string;
  detectedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
}

export type DetailsField = keyof DetailsForm;
const FIELDS: readonly DetailsField[] = [
  "title",
  "severity",
  "impact",
  "customerImpact",
  "dataLoss",
  "security",
  "services",
  "tags",
  "detectedAt",
  "mitigatedAt",
  "resolvedAt",
];
export type FieldErrors = Partial<Record<DetailsField, string>>;

export const TIME_FIELDS = ["detectedAt", "mitigatedAt", "resolvedAt"] as const;
type TimeField = (typeof TIME_FIELDS)[number];
const LABEL_FIELDS = ["services", "tags"] as const;

// The server accepts instants a little ahead of its clock (drift); so does this check.
const FUTURE_TOLERANCE_MS = 2 * 60 * 1000;

export function formOf(incident: Incident): DetailsForm {
  const time = (iso: string | null) => (iso ? formatUtc(iso) : "");
  return {
    title: incident.title,
    severity: incident.severity,
    impact: incident.impact,
    customerImpact: incident.customerImpact,
    dataLoss: incident.dataLoss,
    security: incident.security,
    services: incident.services.join(", "),
    tags: incident.tags.join(", "),
    detectedAt: time(incident.detectedAt),
    mitigatedAt: time(incident.mitigatedAt),
    resolvedAt: time(incident.resolvedAt),
  };
}

/** `a, b,,c ` → `["a", "b", "c"]`: comma-separated, trimmed, empty ones dropped. */
export function splitLabels(text: string): string[] {
  return text
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label !== "");
}

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  [...new Set(a)].sort().join("\n") === [...new Set(b)].sort().join("\n");

/** Whether the incident's status lets this time be set (the server stamps them as status moves). */
export function timeApplies(field: TimeField, incident: Incident): boolean {
  if (field === "mitigatedAt") return incident.status !== "open";
  if (field === "resolvedAt") return incident.status === "resolved";
  return true;
}

// A time whose text was not touched keeps the exact instant the server has (which may carry seconds).
function timeValue(form: DetailsForm, base: Incident, field: TimeField): string | null | undefined {
  const text = form[field].trim();
  if (text === formOf(base)[field]) return base[field];
  if (text === "") return null;
  return parseUtcInput(text);
}

const shown = (iso: string) => `${formatUtc(iso, !iso.endsWith(":00Z"))} UTC`;

/** What is wrong with the form before it is sent, by field. */
export function checkForm(form: DetailsForm, base: Incident, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = "Give the incident a title.";
  else if (title.length > 200) errors.title = "Keep the title to 200 characters.";
  if (form.impact.trim().length > 20_000) errors.impact = "Keep the impact to 20,000 characters.";
  for (const field of LABEL_FIELDS) {
    const labels = splitLabels(form[field]);
    if (labels.some((label) => label.length > 100)) errors[field] = "Keep each name to 100 characters.";
    else if (new Set(labels).size > 50) errors[field] = "List at most 50.";
  }

  const times: Partial<Record<TimeField, string | null>> = {};
  for (const field of TIME_FIELDS) {
    const value = timeValue(form, base, field);
    if (value === undefined) {
      errors[field] = "Write it as YYYY-MM-DD HH:MM (UTC), a time that exists.";
    } else if (value === null && base[field] !== null && field !== "detectedAt") {
      errors[field] =
        field === "mitigatedAt"
          ? "Needed while the incident is mitigated or resolved."
          : "Needed while the incident is resolved.";
    } else if (value && Date.parse(value) > now.getTime() + FUTURE_TOLERANCE_MS) {
      errors[field] = "Must not be in the future.";
    } else if (value && value < base.startedAt) {
      errors[field] = `Must not be before the start (${shown(base.startedAt)}).`;
    } else times[field] = value;
  }
  if (times.mitigatedAt && times.resolvedAt && times.resolvedAt < times.mitigatedAt) {
    errors.resolvedAt = `Must not be before mitigation (${shown(times.mitigatedAt)}).`;
  }
  return errors;
}

/** Only the fields that differ from `base`; call after checkForm found nothing. */
export function changesOf(form: DetailsForm, base: Incident): IncidentChanges {
  const changes: IncidentChanges = {};
  if (form.title.trim() !== base.title) changes.title = form.title.trim();
  if (form.severity !== base.severity) changes.severity = form.severity;
  if (form.impact.trim() !== base.impact.trim()) changes.impact = form.impact.trim();
  for (const field of FLAGS) if (form[field] !== base[field]) changes[field] = form[field];
  for (const field of LABEL_FIELDS) {
    const labels = splitLabels(form[field]);
    if (!sameLabels(labels, base[field])) changes[field] = [...new Set(labels)];
  }
  for (const field of TIME_FIELDS) {
    const value = timeValue(form, base, field);
    if (value !== undefined && value !== base[field]) changes[field] = value;
  }
  return changes;
}

/** The server's field errors, by the field they belong to (`services.2` belongs to services). */
export function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of error.errors) {
    const field = path.replace(/^body\./, "").split(".")[0] as DetailsField;
    if (FIELDS.includes(field) && !errors[field]) errors[field] = asSentence(message);
  }
  return errors;
}

/**
 * After someone else saved `after` over `before`: fields you left alone take their values, fields you
 * changed keep yours; `theirs` names, as readable text, the ones you both changed.
 */
export function rebase(
  form: DetailsForm,
  before: Incident,
  after: Incident,
): { form: DetailsForm; theirs: FieldErrors } {
  const was = formOf(before);
  const now = formOf(after);
  const next = { ...form };
  const theirs: FieldErrors = {};
  for (const field of FIELDS) {
    if (was[field] === now[field]) continue;
    if (form[field] === was[field]) {
      (next as Record<DetailsField, unknown>)[field] = now[field];
      continue;
    }
    const value = now[field];
    theirs[field] =
      typeof value === "boolean" ? (value ? "ticked" : "not ticked") : value === "" ? "empty" : value;
  }
  return { form: next, theirs };
}
