import { useEffect, useRef, useState } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import type { TimelineEntry } from "../../api/types.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { formatUtc } from "../../lib/time.ts";
import { DeleteConfirm } from "./delete-entry.tsx";
import { EntryEditor } from "./entry-editor.tsx";
import { KIND_LABELS } from "./kinds.ts";
import type { PendingEntry, TimelineLive, TimelineRow } from "./use-timeline.ts";
import "./timeline.css";

export interface TimelineListProps {
  rows: TimelineRow[];
  live: TimelineLive;
  canEdit: boolean;
  onSaved(entry: TimelineEntry): void;
  onRetry(tempId: string): void;
  onDiscard(tempId: string): void;
  /** Deletes a saved entry; rejects with the ApiError (412: changed, 404: already gone). */
  onDelete(entry: TimelineEntry): Promise<void>;
  /** Reads the timeline again now. */
  onRefresh(): void;
}

type FocusTarget = { id: number; button: "edit" | "delete" } | "list";

function deleteFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 412) {
    return "Someone changed this entry since you read it, so it was not deleted. The timeline now shows their version.";
  }
  if (error instanceof ApiError && error.status === 404)
    return "Someone else had already deleted this entry.";
  return `Could not delete the entry: ${messageOf(error)}`;
}

/** Keeps an entry being edited on screen, where it was, even after someone else deleted it. */
function withEditing(items: TimelineRow[], editing: TimelineEntry | undefined): TimelineRow[] {
  if (!editing || items.some((r) => r.type === "saved" && r.entry.id === editing.id)) return items;
  const at = items.findIndex((r) => r.type === "saved" && r.entry.occurredAt > editing.occurredAt);
  const row: TimelineRow = { type: "saved", entry: editing };
  return at < 0 ? [...items, row] : [...items.slice(0, at), row, ...items.slice(at)];
}

/**
 * The timeline in order, refreshed live; editors edit an entry in place or delete it after a
 * confirmation, and keyboard focus lands on the nearest Edit button afterwards.
 */
export function TimelineList({
  rows,
  live,
  canEdit,
  onSaved,
  onRetry,
  onDiscard,
  onDelete,
  onRefresh,
}: TimelineListProps) {
  const [editing, setEditing] = useState<TimelineEntry | undefined>();
  const [confirming, setConfirming] = useState<number | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>();
  const [focusTarget, setFocusTarget] = useState<FocusTarget | undefined>();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const list = useRef<HTMLOListElement>(null);
  // Once the last entry is gone there is no list: focus goes to the words that say so.
  const empty = useRef<HTMLParagraphElement>(null);

  // After the row is back to reading mode (committed), keyboard users continue from one of its buttons.
  useEffect(() => {
    if (focusTarget === undefined) return;
    if (focusTarget === "list") (list.current ?? empty.current)?.focus();
    else buttons.current.get(`${focusTarget.button}-${focusTarget.id}`)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  const items = withEditing(rows, editing);
  const saved = items.flatMap((r) => (r.type === "saved" ? [r.entry] : []));
  const goneWhileEditing =
    editing !== undefined && !rows.some((r) => r.type === "saved" && r.entry.id === editing.id);

  function finish(id: number) {
    setEditing(undefined);
    setFocusTarget({ id, button: "edit" });
  }

  /** The Edit button to go on with once `entry` has left the list: the next entry's, else the previous one's. */
  function focusAfterRemoving(entry: TimelineEntry): FocusTarget {
    const at = saved.findIndex((e) => e.id === entry.id);
    const neighbour = saved[at + 1] ?? saved[at - 1];
    return neighbour ? { id: neighbour.id, button: "edit" } : "list";
  }

  async function confirmDelete(entry: TimelineEntry) {
    setDeleting(true);
    setDeleteError(undefined);
    const next = focusAfterRemoving(entry);
    try {
      await onDelete(entry);
      setFocusTarget(next);
    } catch (error) {
      setDeleteError(deleteFailure(error));
      const gone = error instanceof ApiError && error.status === 404;
      setFocusTarget(gone ? next : { id: entry.id, button: "delete" });
      if (error instanceof ApiError && (error.status === 412 || gone)) onRefresh();
    } finally {
      setDeleting(false);
      setConfirming(undefined);
    }
  }

  const buttonRef = (name: string) => (node: HTMLButtonElement | null) => {
    if (node) buttons.current.set(name, node);
    else buttons.current.delete(name);
  };

  const status = (
    <div className="timeline-status">
      <StatusLine>
        {live.refreshFailed ? "Could not refresh the timeline; retrying." : (live.arrivals ?? "")}
      </StatusLine>
    </div>
  );
  if (items.length === 0) {
    return (
      <>
        {status}
        <ErrorAlert>{deleteError}</ErrorAlert>
        <p className="empty" ref={empty} tabIndex={-1}>
          No entries yet.
        </p>
      </>
    );
  }
  return (
    <>
      {status}
      <ErrorAlert>{deleteError}</ErrorAlert>
      <ol className="timeline" aria-label="Timeline" ref={list} tabIndex={-1}>
        {items.map((row) => {
          if (row.type === "pending") {
            return (
              <PendingRow
                key={row.pending.tempId}
                pending={row.pending}
                onRetry={onRetry}
                onDiscard={onDiscard}
              />
            );
          }
          const entry = row.entry;
          const label = `entry at ${formatUtc(entry.occurredAt)} UTC: ${entry.text}`;
          if (editing?.id === entry.id) {
            return (
              <li key={entry.id} className="entry editing">
                {goneWhileEditing && (
                  <p role="alert" className="alert">
                    Someone else deleted this entry while you were editing it; saving will not bring it back.
                    Copy your text if you need it.
                  </p>
                )}
                <EntryEditor
                  entry={entry}
                  onSaved={(next) => {
                    onSaved(next);
                    finish(next.id);
                  }}
                  onCancel={() => {
                    if (!goneWhileEditing) return finish(entry.id);
                    setEditing(undefined);
                    setFocusTarget("list");
                  }}
                />
              </li>
            );
          }
          return (
            <li key={entry.id} className={`entry kind-${entry.kind}`}>
              <UtcTime iso={entry.occurredAt} />
              <span className="kind">{KIND_LABELS[entry.kind]}</span>
              <span className="text">{entry.text}</span>
              {entry.author && <span className="author">{entry.author}</span>}
              {canEdit && (
                <>
                  <button
                    type="button"
                    className="link-button"
                    ref={buttonRef(`edit-${entry.id}`)}
                    aria-label={`Edit ${label}`}
                    onClick={() => {
                      setConfirming(undefined);
                      setEditing(entry);
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    ref={buttonRef(`delete-${entry.id}`)}
                    aria-label={`Delete ${label}`}
                    aria-expanded={confirming === entry.id}
                    onClick={() => setConfirming(entry.id)}
                  >
                    Delete
                  </button>
                </>
              )}
              {confirming === entry.id && (
                <DeleteConfirm
                  busy={deleting}
                  onConfirm={() => void confirmDelete(entry)}
                  onCancel={() => {
                    setConfirming(undefined);
                    setFocusTarget({ id: entry.id, button: "delete" });
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </>
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
