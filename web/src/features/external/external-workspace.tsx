import { useState, type FormEvent } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import {
  EXTERNAL_FIELDS,
  updateExternalVersion,
  type ExternalField,
  type ExternalTexts,
  type ExternalVersion,
  type RedactionFlag,
} from "./external.api.ts";
import { ExternalTextField, fieldId } from "./external-text-field.tsx";
import { FlagList } from "./flag-list.tsx";
import { ExternalPreview } from "./external-preview.tsx";
import { ExternalStatusPanel } from "./external-status.tsx";
import { FIELD_LABELS } from "./labels.ts";

export interface ExternalWorkspaceProps {
  initial: ExternalVersion;
  canEdit: boolean;
  /** Reads the latest version (after someone else saved first). */
  reload(): Promise<ExternalVersion | null>;
}

const textsOf = (version: ExternalVersion): ExternalTexts =>
  Object.fromEntries(EXTERNAL_FIELDS.map((field) => [field, version[field]])) as ExternalTexts;

/** Where a flag's text is in what the field shows now: its saved offsets, or found again after edits. */
export function spanOf(flag: RedactionFlag, saved: string, current: string): [number, number] | undefined {
  if (current === saved || current.slice(flag.start, flag.end) === flag.match) return [flag.start, flag.end];
  const at = current.indexOf(flag.match);
  return at < 0 ? undefined : [at, at + flag.match.length];
}

/**
 * The five customer-facing texts with their redaction flags beside them, saved with If-Match (when
 * someone saved first, their text is shown beside yours and Save again keeps yours), the status and
 * its actions, and a preview of the public page.
 */
export function ExternalWorkspace({ initial, canEdit, reload }: ExternalWorkspaceProps) {
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<ExternalTexts>(() => textsOf(initial));
  const [theirs, setTheirs] = useState<ExternalVersion | undefined>();
  const [errors, setErrors] = useState<Partial<Record<ExternalField | "form", string>>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();

  const changes = Object.fromEntries(
    EXTERNAL_FIELDS.filter((field) => draft[field] !== base[field]).map((field) => [field, draft[field]]),
  ) as Partial<ExternalTexts>;
  const dirty = Object.keys(changes).length > 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty) return;
    setSaving(true);
    setSaved(false);
    setErrors({});
    try {
      setBase(await updateExternalVersion(base, changes));
      setTheirs(undefined);
      setSaved(true);
    } catch (caught) {
      if (isStale(caught)) {
        const latest = await reload().catch(() => null);
        if (latest) {
          setBase(latest);
          setTheirs(latest);
        }
        setErrors({
          form: "Someone else saved this version while you were editing. Compare, then Save again to keep yours.",
        });
      } else {
        const apiError = caught instanceof ApiError ? caught : undefined;
        const fieldErrors = Object.fromEntries(EXTERNAL_FIELDS.map((f) => [f, apiError?.fieldError(f)]));
        setErrors({ ...fieldErrors, form: `Could not save: ${messageOf(caught)}` });
      }
    } finally {
      setSaving(false);
    }
  }

  function show(flag: RedactionFlag) {
    const element = document.getElementById(fieldId(flag.field)) as
      HTMLInputElement | HTMLTextAreaElement | null;
    const span = spanOf(flag, base[flag.field], draft[flag.field]);
    if (!element) return;
    element.focus();
    if (!span) {
      setNotice(`“${flag.match}” is no longer in ${FIELD_LABELS[flag.field]}; save to check the text again.`);
      return;
    }
    setNotice(undefined);
    element.setSelectionRange(span[0], span[1]);
    element.scrollIntoView?.({ block: "center" });
  }

  const edit = (field: ExternalField, value: string) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [field]: value }));
  };

  return (
    <div className="ext-workspace">
      <ExternalStatusPanel version={base} canEdit={canEdit} dirty={dirty} onChanged={setBase} />
      <form className="ext-form stack" aria-label="Customer-facing texts" onSubmit={save} noValidate>
        <h2>Texts</h2>
        <p className="hint">
          {base.openFlags === 0
            ? "No open redaction flags."
            : `${base.openFlags} open redaction ${base.openFlags === 1 ? "flag" : "flags"}: fix the text or dismiss each with a reason.`}{" "}
          {dirty && "Flags are checked again when you save."}
        </p>
        <ErrorAlert>{errors.form}</ErrorAlert>
        {EXTERNAL_FIELDS.map((field) => (
          <div key={field} className="ext-field">
            <ExternalTextField
              field={field}
              value={draft[field]}
              readOnly={!canEdit}
              error={errors[field]}
              onChange={(value) => edit(field, value)}
            />
            {theirs && theirs[field] !== draft[field] && (
              <div className="theirs">
                <strong>Their version of {FIELD_LABELS[field]}:</strong>
                <p className="ext-their-text">{theirs[field] || "(empty)"}</p>
              </div>
            )}
            <FlagList
              field={field}
              flags={base.flags.filter((flag) => flag.field === field)}
              canEdit={canEdit}
              version={base}
              onShow={show}
              onDismissed={setBase}
            />
          </div>
        ))}
        {notice && <p className="hint">{notice}</p>}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="primary" disabled={saving || !dirty}>
              {saving ? "Saving…" : "Save"}
            </button>
            <StatusLine>{saving ? "Saving…" : saved ? "Saved" : dirty ? "Unsaved changes" : ""}</StatusLine>
          </div>
        )}
      </form>
      <ExternalPreview texts={draft} />
    </div>
  );
}
