import { useEffect, useRef, useState } from "react";
import type { TimelineEntry } from "../../api/types.ts";
import { UtcTime } from "../../components/utc-time.tsx";
import { formatUtc } from "../../lib/time.ts";
import { EntryEditor } from "./entry-editor.tsx";
import { KIND_LABELS } from "./kinds.ts";
import type { PendingEntry, TimelineRow } from "./use-timeline.ts";

export interface TimelineListProps {
  rows: TimelineRow[];
  canEdit: boolean;
  onSaved(entry: TimelineEntry): void;
  onRetry(tempId: string): void;
  onDiscard(tempId: string): void;
}

/** The timeline in order; editors edit an entry in place and get focus back on its Edit button. */
export function TimelineList({ rows, canEdit, onSaved, onRetry, onDiscard }: TimelineListProps) {
  const [editing, setEditing] = useState<number | undefined>();
  const [returnFocusTo, setReturnFocusTo] = useState<number | undefined>();
  const editButtons = useRef(new Map<number, HTMLButtonElement>());

  // After the row is back to reading mode (committed), keyboard users continue from its Edit button.
  useEffect(() => {
    if (returnFocusTo === undefined) return;
    editButtons.current.get(returnFocusTo)?.focus();
    setReturnFocusTo(undefined);
  }, [returnFocusTo]);

  function finish(id: number) {
    setEditing(undefined);
    setReturnFocusTo(id);
  }

  if (rows.length === 0) return <p className="empty">No entries yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline">
      {rows.map((row) =>
        row.type === "pending" ? (
          <PendingRow
            key={row.pending.tempId}
            pending={row.pending}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        ) : editing === row.entry.id ? (
          <li key={row.entry.id} className="entry editing">
            <EntryEditor
              entry={row.entry}
              onSaved={(entry) => {
                onSaved(entry);
                finish(entry.id);
              }}
              onCancel={() => finish(row.entry.id)}
            />
          </li>
        ) : (
          <li key={row.entry.id} className={`entry kind-${row.entry.kind}`}>
            <UtcTime iso={row.entry.occurredAt} />
            <span className="kind">{KIND_LABELS[row.entry.kind]}</span>
            <span className="text">{row.entry.text}</span>
            {row.entry.author && <span className="author">{row.entry.author}</span>}
            {canEdit && (
              <button
                type="button"
                className="link-button"
                ref={(node) => {
                  if (node) editButtons.current.set(row.entry.id, node);
                  else editButtons.current.delete(row.entry.id);
                }}
                aria-label={`Edit entry at ${formatUtc(row.entry.occurredAt)} UTC: ${row.entry.text}`}
                onClick={() => setEditing(row.entry.id)}
              >
                Edit
              </button>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

function PendingRow({
  pending,
  onRetry,
  onDiscard,
}: {
  pending: PendingEntry;
  onRetry(tempId: string): void;
  onDiscard(tempId: string): void;
}) {
  return (
    <li className={`entry pending ${pending.state}`} aria-busy={pending.state === "saving"}>
      <UtcTime iso={pending.shownAt} />
      <span className="kind">{KIND_LABELS[pending.entry.kind]}</span>
      <span className="text">{pending.entry.text}</span>
      {pending.state === "saving" ? (
        <span className="author">saving…</span>
      ) : (
        <span className="failed">
          <span role="alert">Not saved: {pending.error}</span>
          <button type="button" onClick={() => onRetry(pending.tempId)}>
            Retry
          </button>
          <button type="button" onClick={() => onDiscard(pending.tempId)}>
            Discard
          </button>
        </span>
      )}
    </li>
  );
}
