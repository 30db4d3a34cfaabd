import { useCallback, useEffect, useRef } from "react";
import { ApiError, isUnauthenticated } from "../api/client.ts";

/** Asking again cannot help: signed out, not allowed, or the thing is gone. */
const isFinal = (error: unknown) =>
  isUnauthenticated(error) || (error instanceof ApiError && [403, 404, 410].includes(error.status));

/**
 * Calls `read` every `intervalMs` while the tab is visible (at once when it shows again, and on start with
 * `immediate`), never while an earlier read is still running. A failed read is handed to `onError` and the
 * polling goes on, except after a 401, 403, 404 or 410 (signed out, not allowed, gone). `pollNow` reads at once.
 */
export function usePolling(
  read: (signal: AbortSignal) => Promise<void>,
  options: { intervalMs: number; enabled: boolean; immediate?: boolean; onError(error: unknown): void },
): { pollNow(): void } {
  const { intervalMs, enabled, immediate = false } = options;
  const readRef = useRef(read);
  readRef.current = read;
  const onErrorRef = useRef(options.onError);
  onErrorRef.current = options.onError;
  const pollRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;

    const schedule = () => {
      if (!controller.signal.aborted && document.visibilityState !== "hidden") {
        timer = setTimeout(() => void poll(), intervalMs);
      }
    };
    const poll = async () => {
      clearTimeout(timer);
      timer = undefined;
      if (inFlight) return;
      inFlight = true;
      try {
        await readRef.current(controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return;
        onErrorRef.current(error);
        if (isFinal(error)) return;
      } finally {
        inFlight = false;
      }
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        clearTimeout(timer);
        timer = undefined;
      } else if (timer === undefined) void poll();
    };

    pollRef.current = () => void poll();
    if (immediate) void poll();
    else schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      controller.abort();
      clearTimeout(timer);
      pollRef.current = () => undefined;
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [intervalMs, enabled, immediate]);

  const pollNow = useCallback(() => pollRef.current(), []);
  return { pollNow };
}
