import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a 412, or to pick up others' changes). */
  reload: () => Promise<void>;
  /** Replaces the data locally, e.g. with the response of a write. */
  setData: (update: T | ((current: T | undefined) => T | undefined)) => void;
}

/** Loads data for a page and reloads when `deps` change; stale responses are dropped. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);
  // `deps` names what `load` reads, as with useEffect.
  const stableLoad = useCallback(load, deps);

  const run = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    try {
      const result = await stableLoad(current.signal);
      if (current.signal.aborted) return;
      setData(result);
      setError(undefined);
    } catch (caught) {
      if (current.signal.aborted) return;
      setError(caught);
    } finally {
      if (!current.signal.aborted) setLoading(false);
    }
  }, [stableLoad]);

  useEffect(() => {
    void run();
    return () => controller.current?.abort();
  }, [run]);

  return { data, error, loading, reload: run, setData };
}
