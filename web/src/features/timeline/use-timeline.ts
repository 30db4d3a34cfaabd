import { useCallback, useRef, useState } from "react";
import { messageOf } from "../../api/client.ts";
import type { TimelineEntry, TimelineKind } from "../../api/types.ts";
import { toUtcIso } from "../../lib/time.ts";
import { useResource } from "../../lib/use-resource.ts";
import { addTimelineEntry, listTimeline, type NewEntry } from "./timeline.api.ts";

/** An entry typed here that the server has not confirmed yet, or refused. */
export interface PendingEntry {
  tempId: string;
  raw: string;
  entry: NewEntry;
  /** Where it shows until the server answers: the back-dated time, or now on this device. */
  shownAt: string;
  state: "saving" | "failed";
  error?: string;
}

export type AddResult = { ok: true } | { ok: false; error: string; tempId: string };

export type TimelineRow =
  { type: "saved"; entry: TimelineEntry } | { type: "pending"; pending: PendingEntry };

function rowTime(row: TimelineRow): string {
  return row.type === "saved" ? row.entry.occurredAt : row.pending.shownAt;
}

/** The server's order (time, then insertion), with entries still on their way after saved ones of the same time. */
function ordered(entries: TimelineEntry[], pending: PendingEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [
    ...entries.map((entry) => ({ type: "saved" as const, entry })),
    ...pending.map((p) => ({ type: "pending" as const, pending: p })),
  ];
  return rows.sort((a, b) => {
    const byTime = rowTime(a).localeCompare(rowTime(b));
    if (byTime !== 0) return byTime;
    if (a.type !== b.type) return a.type === "saved" ? -1 : 1;
    return a.type === "saved" && b.type === "saved" ? a.entry.id - b.entry.id : 0;
  });
}

/** The timeline of one incident with optimistic adds: a refused entry keeps its text until retried or discarded. */
export function useTimeline(key: string) {
  const saved = useResource((signal) => listTimeline(key, signal), [key]);
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const counter = useRef(0);

  const send = useCallback(
    async (item: PendingEntry): Promise<AddResult> => {
      try {
        const entry = await addTimelineEntry(key, item.entry);
        setPending((list) => list.filter((p) => p.tempId !== item.tempId));
        saved.setData((entries) => [...(entries ?? []), entry]);
        return { ok: true };
      } catch (caught) {
        const error = messageOf(caught);
        setPending((list) =>
          list.map((p) => (p.tempId === item.tempId ? { ...p, state: "failed", error } : p)),
        );
        return { ok: false, error, tempId: item.tempId };
      }
    },
    [key, saved],
  );

  const add = useCallback(
    (raw: string, text: string, kind: TimelineKind, occurredAt?: string) => {
      counter.current += 1;
      const item: PendingEntry = {
        tempId: `pending-${counter.current}`,
        raw,
        entry: occurredAt ? { text, kind, occurredAt } : { text, kind },
        shownAt: occurredAt ?? toUtcIso(new Date()),
        state: "saving",
      };
      setPending((list) => [...list, item]);
      return send(item);
    },
    [send],
  );

  const retry = useCallback(
    (tempId: string) => {
      const item = pending.find((p) => p.tempId === tempId);
      if (!item) return;
      const again = { ...item, state: "saving" as const, error: undefined };
      setPending((list) => list.map((p) => (p.tempId === tempId ? again : p)));
      void send(again);
    },
    [pending, send],
  );

  const discard = useCallback((tempId: string) => {
    setPending((list) => list.filter((p) => p.tempId !== tempId));
  }, []);

  const replace = useCallback(
    (entry: TimelineEntry) =>
      saved.setData((entries) => entries?.map((e) => (e.id === entry.id ? entry : e))),
    [saved],
  );

  return {
    rows: ordered(saved.data ?? [], pending),
    loading: saved.loading && !saved.data,
    error: saved.error,
    reload: saved.reload,
    add,
    retry,
    discard,
    replace,
  };
}
