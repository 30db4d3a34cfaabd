import { useState, type FormEvent, type KeyboardEvent } from "react";
import { isStale } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import {
  getActionItem,
  updateActionItem,
  type ActionItem,
  type ActionItemChanges,
  type ActionItemStatus,
  type ActionItemType,
  type Priority,
} from "./actions.api.ts";
import { errorsOf, fieldMessage, withFormMessage, type FormErrors } from "./form-errors.ts";
import {
  isCalendarDate,
  isWebLink,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  STATUSES,
  TYPE_LABELS,
  TYPES,
} from "./labels.ts";

export interface ActionItemEditorProps {
  item: ActionItem;
  /** Also title, type, priority and link (the post-mortem's section); the board edits owner, due date, status. */
  allFields?: boolean;
  onSaved(item: ActionItem): void;
  onCancel(): void;
  /** Someone else's newer version, found after a 412: the row behind the editor can show it. */
  onTheirs?(item: ActionItem): void;
  save?: (item: ActionItem, changes: ActionItemChanges) => Promise<ActionItem>;
  load?: (id: number) => Promise<ActionItem>;
}

type Fields = {
  title: string;
  owner: string;
  dueDate: string;
  status: ActionItemStatus;
  wontDoReason: string;
  type: ActionItemType;
  priority: Priority;
  externalUrl: string;
};

function fieldsOf(item: ActionItem): Fields {
  return {
    title: item.title,
    owner: item.owner ?? "",
    dueDate: item.dueDate ?? "",
    status: item.status,
    wontDoReason: item.wontDoReason ?? "",
    type: item.type,
    priority: item.priority,
    externalUrl: item.externalUrl ?? "",
  };
}

/** What differs from `base`: empty text clears a field; the reason goes only with won't do. */
function changesOf(base: ActionItem, f: Fields, allFields: boolean): ActionItemChanges {
  const changes: ActionItemChanges = {};
  const orNull = (text: string) => text.trim() || null;
  if (orNull(f.owner) !== base.owner) changes.owner = orNull(f.owner);
  if (orNull(f.dueDate) !== base.dueDate) changes.dueDate = orNull(f.dueDate);
  if (f.status !== base.status) changes.status = f.status;
  if (f.status === "wont_do" && (f.status !== base.status || f.wontDoReason.trim() !== base.wontDoReason)) {
    changes.wontDoReason = f.wontDoReason.trim();
  }
  if (allFields) {
    if (f.title.trim() !== base.title) changes.title = f.title.trim();
    if (f.type !== base.type) changes.type = f.type;
    if (f.priority !== base.priority) changes.priority = f.priority;
    if (orNull(f.externalUrl) !== base.externalUrl) changes.externalUrl = orNull(f.externalUrl);
  }
  return changes;
}

function check(f: Fields, allFields: boolean): FormErrors {
  const errors: FormErrors = {};
  if (allFields && !f.title.trim()) errors.title = fieldMessage("title", "is required");
  if (f.dueDate.trim() && !isCalendarDate(f.dueDate.trim())) {
    errors.dueDate = fieldMessage("dueDate", "must be a date that exists, written YYYY-MM-DD");
  }
  if (f.status === "wont_do" && !f.wontDoReason.trim()) {
    errors.wontDoReason = fieldMessage("wontDoReason", "is required for won't do: say why");
  }
  if (allFields && f.externalUrl.trim() && !isWebLink(f.externalUrl.trim())) {
    errors.externalUrl = fieldMessage("externalUrl", "must be an http:// or https:// link");
  }
  return errors;
}

/** Yours where you changed a field, theirs where you did not: Save then applies only your edits. */
function rebase(mine: Fields, read: Fields, theirs: Fields): Fields {
  const merged = { ...mine };
  for (const name of Object.keys(mine) as (keyof Fields)[]) {
    if (mine[name] === read[name]) Object.assign(merged, { [name]: theirs[name] });
  }
  return merged;
}

export function summaryOf(item: ActionItem): string {
  return [
    `owner ${item.owner ?? "none"}`,
    `due ${item.dueDate ?? "no date"}`,
    STATUS_LABELS[item.status] + (item.wontDoReason ? ` (${item.wontDoReason})` : ""),
  ].join(", ");
}

/**
 * Inline edit of one action item: Enter saves (with If-Match), Escape cancels. When someone else saved
 * it first, their version is shown; the fields you changed keep your value, the others take theirs,
 * and Save again applies yours.
 */
export function ActionItemEditor({
  item,
  allFields = false,
  onSaved,
  onCancel,
  onTheirs,
  save = updateActionItem,
  load = getActionItem,
}: ActionItemEditorProps) {
  const [base, setBase] = useState(item);
  const [fields, setFields] = useState(() => fieldsOf(item));
  const [errors, setErrors] = useState<FormErrors>({});
  const [theirs, setTheirs] = useState<ActionItem | undefined>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) =>
    setFields((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(fields, allFields);
    if (Object.keys(found).length > 0) return setErrors(withFormMessage(found, "Not saved"));
    const changes = changesOf(base, fields, allFields);
    if (Object.keys(changes).length === 0) return onCancel();
    setBusy(true);
    setErrors({});
    try {
      onSaved(await save(base, changes));
    } catch (caught) {
      setBusy(false);
      if (!isStale(caught)) return setErrors(errorsOf(caught, "Not saved"));
      const latest = await load(base.id).catch(() => undefined);
      if (latest) {
        setFields((mine) => rebase(mine, fieldsOf(base), fieldsOf(latest)));
        setBase(latest);
        setTheirs(latest);
        onTheirs?.(latest);
      }
      setErrors({
        form: "Someone changed this action item while you were editing. Compare, then save again to keep yours.",
      });
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form
      className="ai-editor"
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      aria-label={`Edit ${item.title}`}
      noValidate
    >
      <ErrorAlert>{errors.form}</ErrorAlert>
      {theirs && (
        <p className="theirs">
          <strong>Their version:</strong> {summaryOf(theirs)}
        </p>
      )}
      {allFields && (
        <TextField
          label="Title"
          value={fields.title}
          error={errors.title}
          onChange={(e) => set("title", e.target.value)}
        />
      )}
      <div className="editor-row">
        <TextField
          label="Owner"
          value={fields.owner}
          autoFocus
          error={errors.owner}
          description="A name or e-mail"
          onChange={(e) => set("owner", e.target.value)}
        />
        <TextField
          label="Due date"
          type="date"
          value={fields.dueDate}
          error={errors.dueDate}
          description="Leave empty for no due date"
          onChange={(e) => set("dueDate", e.target.value)}
        />
        <SelectField
          label="Status"
          value={fields.status}
          error={errors.status}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onChange={(e) => set("status", e.target.value as ActionItemStatus)}
        />
      </div>
      {fields.status === "wont_do" && (
        <TextField
          label="Reason"
          value={fields.wontDoReason}
          error={errors.wontDoReason}
          description="Why it won't be done"
          onChange={(e) => set("wontDoReason", e.target.value)}
        />
      )}
      {allFields && (
        <div className="editor-row">
          <SelectField
            label="Type"
            value={fields.type}
            options={TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            onChange={(e) => set("type", e.target.value as ActionItemType)}
          />
          <SelectField
            label="Priority"
            value={fields.priority}
            options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            onChange={(e) => set("priority", e.target.value as Priority)}
          />
          <TextField
            label="Link"
            type="url"
            value={fields.externalUrl}
            error={errors.externalUrl}
            description="Issue in GitHub, Jira, …"
            onChange={(e) => set("externalUrl", e.target.value)}
          />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <small className="hint">Enter saves, Escape cancels.</small>
      </div>
    </form>
  );
}
