import { useCallback, useRef, useState } from "react";
import { isUnauthenticated, messageOf } from "../../api/client.ts";
import type { TimelineEntry, TimelineKind } from "../../api/types.ts";
import { toUtcIso } from "../../lib/time.ts";
import { usePolling } from "../../lib/use-polling.ts";
import { useResource } from "../../lib/use-resource.ts";
import { addTimelineEntry, deleteTimelineEntry, listTimeline, type NewEntry } from "./timeline.api.ts";

/** How often an open incident page reads the timeline again (responders, CLI, API and webhooks add to it). */
export const REFRESH_INTERVAL_MS = 5_000;

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

/** How the live refresh is going, for the list to say. */
export interface TimelineLive {
  /** "2 new entries": what the latest refreshes brought from others, announced politely. */
  arrivals?: string | undefined;
  /** The last refresh failed: what is shown may be out of date (the next one is on its way). */
  refreshFailed: boolean;
}

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

function upsert(entries: TimelineEntry[] | undefined, entry: TimelineEntry): TimelineEntry[] {
  const list = entries ?? [];
  return list.some((e) => e.id === entry.id)
    ? list.map((e) => (e.id === entry.id ? entry : e))
    : [...list, entry];
}

function sameEntries(a: readonly TimelineEntry[] | undefined, b: readonly TimelineEntry[]): boolean {
  return a?.length === b.length && a.every((e, i) => e.id === b[i]!.id && e.version === b[i]!.version);
}

function countWords(count: number): string {
  return count === 1 ? "1 new entry" : `${count} new entries`;
}

/**
 * The timeline of one incident, kept live: optimistic adds (a refused entry keeps its text until
 * retried or discarded), and a re-read every few seconds while the tab is visible that shows what
 * others added, changed or deleted. A read that overlaps a write of this page is dropped, so it never
 * undoes what this page just saved; the next read includes it.
 */
export function useTimeline(key: string, options: { intervalMs?: number } = {}) {
  const saved = useResource((signal) => listTimeline(key, signal), [key]);
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const [arrived, setArrived] = useState(0);
  const [refreshFailed, setRefreshFailed] = useState(false);
  const counter = useRef(0);
  const shown = useRef<TimelineEntry[] | undefined>(undefined);
  shown.current = saved.data;
  // Ids this page has shown or saved itself, kept at once (a render may still be on its way).
  const seen = useRef(new Set<number>());
  const writes = useRef({ generation: 0, inFlight: 0 });
  const { setData } = saved;

  const writing = useCallback(async <T>(write: () => Promise<T>): Promise<T> => {
    writes.current.generation += 1;
    writes.current.inFlight += 1;
    try {
      return await write();
    } finally {
      writes.current.generation += 1;
      writes.current.inFlight -= 1;
    }
  }, []);

  const read = useCallback(
    async (signal: AbortSignal) => {
      const before = writes.current.generation;
      const entries = await listTimeline(key, signal);
      setRefreshFailed(false);
      if (writes.current.generation !== before || writes.current.inFlight > 0) return;
      const known = seen.current;
      for (const entry of shown.current ?? []) known.add(entry.id);
      const fresh = shown.current ? entries.filter((e) => !known.has(e.id)).length : 0;
      for (const entry of entries) known.add(entry.id);
      // Counts add up while they keep coming, so a second "1 new entry" is still announced as a change.
      setArrived((count) => (fresh === 0 ? 0 : count + fresh));
      // Nothing changed (the usual answer): no new list, so nothing re-renders.
      if (!sameEntries(shown.current, entries)) setData(entries);
    },
    [key, setData],
  );

  const { pollNow } = usePolling(read, {
    intervalMs: options.intervalMs ?? REFRESH_INTERVAL_MS,
    enabled: !saved.loading,
    onError: (error) => setRefreshFailed(!isUnauthenticated(error)),
  });

  const send = useCallback(
    async (item: PendingEntry): Promise<AddResult> => {
      try {
        const entry = await writing(() => addTimelineEntry(key, item.entry));
        seen.current.add(entry.id);
        setPending((list) => list.filter((p) => p.tempId !== item.tempId));
        setData((entries) => upsert(entries, entry));
        return { ok: true };
      } catch (caught) {
        const error = messageOf(caught);
        setPending((list) =>
          list.map((p) => (p.tempId === item.tempId ? { ...p, state: "failed", error } : p)),
        );
        return { ok: false, error, tempId: item.tempId };
      }
    },
    [key, setData, writing],
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
    (entry: TimelineEntry) => {
      writes.current.generation += 1;
      setData((entries) => entries?.map((e) => (e.id === entry.id ? entry : e)));
    },
    [setData],
  );

  const remove = useCallback(
    async (entry: TimelineEntry) => {
      await writing(() => deleteTimelineEntry(entry));
      setData((entries) => entries?.filter((e) => e.id !== entry.id));
    },
    [setData, writing],
  );

  return {
    rows: ordered(saved.data ?? [], pending),
    live: { arrivals: arrived > 0 ? countWords(arrived) : undefined, refreshFailed } satisfies TimelineLive,
    loading: saved.loading && !saved.data,
    // A later refresh that succeeds fills in a timeline whose first read failed.
    error: saved.data ? undefined : saved.error,
    reload: saved.reload,
    /** Reads the timeline again now. */
    refresh: pollNow,
    add,
    retry,
    discard,
    replace,
    /** Deletes a saved entry with If-Match; throws the ApiError (412: changed, 404: already gone). */
    remove,
  };
}
