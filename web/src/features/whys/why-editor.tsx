import { useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { findWhy } from "./tree.ts";
import { listWhys, rewordWhy, type WhyNode } from "./whys.api.ts";

export interface WhyEditorProps {
  incidentKey: string;
  node: WhyNode;
  label: string;
  onSaved(node: WhyNode): void;
  /** Someone else's newer version, read after a 412: the tree shows it while the editor keeps yours. */
  onTheirs(node: WhyNode): void;
  onCancel(): void;
}

/**
 * Rewords a why in place: Enter saves with If-Match, Escape cancels. When someone else saved it first,
 * their text is shown beside yours, which stays in the field; saving again applies yours over theirs.
 */
export function WhyEditor({ incidentKey, node, label, onSaved, onTheirs, onCancel }: WhyEditorProps) {
  const [base, setBase] = useState(node);
  const [text, setText] = useState(node.text);
  const [theirs, setTheirs] = useState<WhyNode | undefined>();
  const [errors, setErrors] = useState<{ text?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) return setErrors({ text: "A why needs text; remove it instead if it is not needed." });
    if (text.trim() === base.text) return onCancel();
    setBusy(true);
    try {
      onSaved(await rewordWhy(incidentKey, base, text.trim()));
    } catch (caught) {
      setBusy(false);
      if (isStale(caught)) {
        const latest = await listWhys(incidentKey).then(
          (forest) => findWhy(forest, base.id),
          () => undefined,
        );
        if (!latest)
          return setErrors({ form: "Someone changed this why while you were editing; reload to see it." });
        setBase(latest);
        setTheirs(latest);
        onTheirs(latest);
        return setErrors({
          form: "Someone changed this why while you were editing. Compare, then save again to keep yours.",
        });
      }
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({ text: apiError?.fieldError("text"), form: messageOf(caught) });
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form
      className="why-form"
      onSubmit={save}
      onKeyDown={cancelOnEscape}
      noValidate
      aria-label={`Edit ${label}`}
    >
      <ErrorAlert>{errors.form}</ErrorAlert>
      {theirs && (
        <p className="theirs">
          <strong>Their version:</strong> {theirs.text}
        </p>
      )}
      <TextField
        label={label}
        description="Enter saves, Escape cancels."
        value={text}
        maxLength={2000}
        autoFocus
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
