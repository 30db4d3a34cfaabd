import { useRef, useState, type FormEvent } from "react";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import {
  addActionItem,
  type ActionItem,
  type ActionItemType,
  type NewActionItem,
  type Priority,
} from "./actions.api.ts";
import { errorsOf, fieldMessage, withFormMessage, type FormErrors } from "./form-errors.ts";
import { isCalendarDate, isWebLink, PRIORITIES, PRIORITY_LABELS, TYPE_LABELS, TYPES } from "./labels.ts";

export interface AddActionItemFormProps {
  incidentKey: string;
  onAdded(item: ActionItem): void;
  onClose(): void;
  add?: (key: string, input: NewActionItem) => Promise<ActionItem>;
}

const EMPTY = { title: "", owner: "", dueDate: "", externalUrl: "" };

/** Adds an action item to the post-mortem; stays open, emptied, for the next one. */
export function AddActionItemForm({
  incidentKey,
  onAdded,
  onClose,
  add = addActionItem,
}: AddActionItemFormProps) {
  const [text, setText] = useState(EMPTY);
  const [type, setType] = useState<ActionItemType>("prevent");
  const [priority, setPriority] = useState<Priority>("medium");
  const [errors, setErrors] = useState<FormErrors>({});
  const [added, setAdded] = useState("");
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const set = (name: keyof typeof EMPTY, value: string) =>
    setText((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      title: text.title.trim(),
      owner: text.owner.trim(),
      dueDate: text.dueDate.trim(),
      externalUrl: text.externalUrl.trim(),
    };
    const found: FormErrors = {};
    if (!input.title) found.title = fieldMessage("title", "is required");
    if (input.dueDate && !isCalendarDate(input.dueDate)) {
      found.dueDate = fieldMessage("dueDate", "must be a date that exists, written YYYY-MM-DD");
    }
    if (input.externalUrl && !isWebLink(input.externalUrl)) {
      found.externalUrl = fieldMessage("externalUrl", "must be an http:// or https:// link");
    }
    if (Object.keys(found).length > 0) {
      setAdded("");
      return setErrors(withFormMessage(found, "Not added"));
    }
    setBusy(true);
    setErrors({});
    try {
      const item = await add(incidentKey, {
        title: input.title,
        type,
        priority,
        ...(input.owner ? { owner: input.owner } : {}),
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        ...(input.externalUrl ? { externalUrl: input.externalUrl } : {}),
      });
      setText(EMPTY);
      setAdded(`Added: ${item.title}`);
      onAdded(item);
      titleRef.current?.focus();
    } catch (caught) {
      setAdded("");
      setErrors(errorsOf(caught, "Not added"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ai-add stack" aria-label="Add action item" onSubmit={submit} noValidate>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label="Title"
        ref={titleRef}
        value={text.title}
        autoFocus
        error={errors.title}
        description="What will be done, e.g. “Alert on connection-pool saturation”"
        onChange={(e) => set("title", e.target.value)}
      />
      <div className="editor-row">
        <TextField
          label="Owner"
          value={text.owner}
          error={errors.owner}
          description="A name or e-mail"
          onChange={(e) => set("owner", e.target.value)}
        />
        <TextField
          label="Due date"
          type="date"
          value={text.dueDate}
          error={errors.dueDate}
          onChange={(e) => set("dueDate", e.target.value)}
        />
      </div>
      <div className="editor-row">
        <SelectField
          label="Type"
          value={type}
          error={errors.type}
          options={TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
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
      <TextField
        label="Link"
        type="url"
        value={text.externalUrl}
        error={errors.externalUrl}
        description="Issue in GitHub, Jira, … (optional)"
        onChange={(e) => set("externalUrl", e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add"}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <StatusLine>{added}</StatusLine>
    </form>
  );
}
