import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { isStale, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { ActionItemEditor } from "./action-item-editor.tsx";
import { getActionItem, updateActionItem, type ActionItem } from "./actions.api.ts";
import { isWebLink, PRIORITY_LABELS, STATUS_LABELS, TYPE_LABELS } from "./labels.ts";

export interface ActionItemRowProps {
  item: ActionItem;
  canEdit: boolean;
  /** The board links each item to its post-mortem; the post-mortem's own section does not. */
  showIncident?: boolean;
  /** Edit title, type, priority and link too (the post-mortem's section). */
  allFields?: boolean;
  onChanged(item: ActionItem): void;
}

const STILL_TO_DO = new Set(["open", "in_progress"]);

/** One action item: what, whose, when, how it stands; an editor can mark it done or edit it in place. */
export function ActionItemRow({ item, canEdit, showIncident, allFields, onChanged }: ActionItemRowProps) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Closing the editor puts focus back on its Edit button, not on the page's start.
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  async function markDone() {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await updateActionItem(item, { status: "done" }));
      // "Mark done" is gone once it is done: keep the keyboard on this item, at its Edit button.
      editButton.current?.focus();
    } catch (caught) {
      if (isStale(caught)) {
        const latest = await getActionItem(item.id).catch(() => undefined);
        if (latest) onChanged(latest);
        setError(
          "Someone changed this action item just now; here is its current state. Try again if still needed.",
        );
      } else setError(`Not marked done: ${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`card-row ai-row${item.overdue ? " is-overdue" : ""}`}>
      <div className="ai-head">
        <span className="ai-title">{item.title}</span>
        {showIncident && (
          <Link href={`/incidents/${item.incidentKey}/postmortem`} className="ai-incident">
            {item.incidentKey}
          </Link>
        )}
      </div>
      <p className="badges">
        <span className={`badge ai-status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        {item.overdue && <span className="badge ai-overdue">Overdue</span>}
        <span className={`badge ai-priority-${item.priority}`}>
          {PRIORITY_LABELS[item.priority]} priority
        </span>
        <span className="badge ai-type">{TYPE_LABELS[item.type]}</span>
      </p>
      <p className="ai-details">
        <span>Owner: {item.owner ?? <em>nobody yet</em>}</span>
        <span>Due: {item.dueDate ?? <em>no date</em>}</span>
        {item.completedAt && (
          <span>
            Completed <UtcTime iso={item.completedAt} />
          </span>
        )}
        {item.externalUrl &&
          (isWebLink(item.externalUrl) ? (
            <a href={item.externalUrl} target="_blank" rel="noopener noreferrer">
              {item.externalUrl.replace(/^https?:\/\//, "")}
            </a>
          ) : (
            <span>{item.externalUrl}</span>
          ))}
      </p>
      {item.status === "wont_do" && item.wontDoReason && (
        <p className="ai-reason">Won&apos;t do: {item.wontDoReason}</p>
      )}
      <ErrorAlert>{error}</ErrorAlert>
      {editing ? (
        <ActionItemEditor
          item={item}
          allFields={allFields}
          onTheirs={onChanged}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
        />
      ) : (
        canEdit && (
          <div className="actions">
            {STILL_TO_DO.has(item.status) && (
              <button
                type="button"
                disabled={busy}
                onClick={markDone}
                aria-label={`Mark done: ${item.title}`}
              >
                Mark done
              </button>
            )}
            <button
              type="button"
              ref={editButton}
              onClick={() => setEditing(true)}
              aria-label={`Edit: ${item.title}`}
            >
              Edit
            </button>
          </div>
        )
      )}
    </li>
  );
}
