import { useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PRIORITY_LABELS, TYPE_LABELS } from "../actions/labels.ts";
import {
  ACTION_ITEM_TYPES,
  PRIORITIES,
  turnWhyIntoActionItem,
  type ActionItem,
  type ActionItemType,
  type Priority,
  type WhyNode,
  type WhyToActionItemInput,
} from "./whys.api.ts";

const TITLE_MAX = 300;

type Field = "title" | "owner" | "dueDate" | "type" | "priority";

export interface ActionItemFormProps {
  incidentKey: string;
  node: WhyNode;
  /** "Why 4": names the form. */
  label: string;
  onCreated(item: ActionItem): void;
  onCancel(): void;
}

/** Turns a why without answers into an action item: title from its text, owner, due date, type, priority. */
export function ActionItemForm({ incidentKey, node, label, onCreated, onCancel }: ActionItemFormProps) {
  const [title, setTitle] = useState(node.text.slice(0, TITLE_MAX));
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [type, setType] = useState<ActionItemType>("prevent");
  const [priority, setPriority] = useState<Priority>("medium");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) return setErrors({ title: "The action item needs a title." });
    const input: WhyToActionItemInput = { title: title.trim(), type, priority };
    if (owner.trim()) input.owner = owner.trim();
    if (dueDate) input.dueDate = dueDate;
    setBusy(true);
    try {
      onCreated(await turnWhyIntoActionItem(incidentKey, node, input));
    } catch (caught) {
      setBusy(false);
      const apiError = caught instanceof ApiError ? caught : undefined;
      const fieldError = (field: Field) => apiError?.fieldError(field);
      setErrors({
        title: fieldError("title"),
        owner: fieldError("owner"),
        dueDate: fieldError("dueDate"),
        type: fieldError("type"),
        priority: fieldError("priority"),
        form: messageOf(caught),
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
      className="why-form why-action-form stack"
      onSubmit={create}
      onKeyDown={cancelOnEscape}
      noValidate
      aria-label={`Action item from ${label}`}
    >
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label="Title"
        value={title}
        maxLength={TITLE_MAX}
        autoFocus
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="editor-row">
        <TextField
          label="Owner"
          description="Optional: who will see it through."
          value={owner}
          maxLength={200}
          error={errors.owner}
          onChange={(e) => setOwner(e.target.value)}
        />
        <TextField
          label="Due date"
          type="date"
          description="Optional."
          value={dueDate}
          error={errors.dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
      </div>
      <div className="editor-row">
        <SelectField
          label="Type"
          value={type}
          error={errors.type}
          options={ACTION_ITEM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          onChange={(e) => setType(e.target.value as ActionItemType)}
        />
        <SelectField
          label="Priority"
          value={priority}
          error={errors.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          onChange={(e) => setPriority(e.target.value as Priority)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create action item"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
