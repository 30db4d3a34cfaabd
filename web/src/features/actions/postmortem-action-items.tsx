import { useId, useRef, useState } from "react";
import { messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { ActionItemRow } from "./action-item-row.tsx";
import { AddActionItemForm } from "./add-action-item-form.tsx";
import { listIncidentActionItems, type ActionItem } from "./actions.api.ts";
import "./actions.css";

export interface PostmortemActionItemsProps {
  incidentKey: string;
  canEdit: boolean;
  /** Changes when an item was added elsewhere on the page (the five whys): the list reloads. */
  refreshSignal: number;
  /** Called after an item was added or changed here, e.g. so the linter looks again. */
  onChanged?: () => void;
}

/** The post-mortem's own action items: list, add, edit inline. `refreshSignal` changes when one was added elsewhere. */
export function PostmortemActionItems({
  incidentKey,
  canEdit,
  refreshSignal,
  onChanged,
}: PostmortemActionItemsProps) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const items = useResource(
    (signal) => listIncidentActionItems(incidentKey, signal),
    [incidentKey, refreshSignal],
  );

  const replace = (item: ActionItem) => {
    items.setData((current) => current?.map((old) => (old.id === item.id ? item : old)));
    onChanged?.();
  };
  const append = (item: ActionItem) => {
    items.setData((current) => [...(current ?? []).filter((old) => old.id !== item.id), item]);
    onChanged?.();
  };

  function closeForm() {
    setAdding(false);
    // The button is back on the next render; focus it then, not the page's start.
    requestAnimationFrame(() => addButton.current?.focus());
  }

  const list = items.data ?? [];
  return (
    <section className="ai-section" aria-labelledby={headingId}>
      <div className="page-heading">
        <h2 id={headingId}>Action items</h2>
        {canEdit && !adding && (
          <button type="button" ref={addButton} onClick={() => setAdding(true)}>
            Add action item
          </button>
        )}
      </div>
      <ErrorAlert>
        {items.error ? `Could not load the action items: ${messageOf(items.error)}` : undefined}
      </ErrorAlert>
      {adding && <AddActionItemForm incidentKey={incidentKey} onAdded={append} onClose={closeForm} />}
      {items.loading && !items.data ? (
        <p className="loading">Loading action items…</p>
      ) : list.length === 0 && !items.error ? (
        <p className="empty">
          No action items yet.{canEdit ? " Add what will stop this from happening again." : ""}
        </p>
      ) : (
        <ul className="card-list ai-list" aria-labelledby={headingId}>
          {list.map((item) => (
            <ActionItemRow key={item.id} item={item} canEdit={canEdit} allFields onChanged={replace} />
          ))}
        </ul>
      )}
    </section>
  );
}
