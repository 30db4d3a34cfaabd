import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf } from "../../api/client.ts";
import type { PostmortemLint } from "../../api/types.ts";

export const LINT_DELAY_MS = 600;

export interface Lint {
  result: PostmortemLint | undefined;
  checking: boolean;
  error: string | undefined;
  /** Asks again `delayMs` after the last call (typing); 0 asks at once (after a save). */
  schedule(delayMs?: number): void;
}

/**
 * The linter's findings through the API (the linter is too big for the browser): asked once on
 * load, debounced while typing, and at once after each save. An answer about an older version than
 * the one shown is dropped.
 */
export function useLint(run: (signal: AbortSignal) => Promise<PostmortemLint>): Lint {
  const [result, setResult] = useState<PostmortemLint | undefined>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const shownVersion = useRef(0);
  const runRef = useRef(run);
  runRef.current = run;

  const check = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setChecking(true);
    try {
      const next = await runRef.current(controller.signal);
      if (controller.signal.aborted || next.postmortemVersion < shownVersion.current) return;
      shownVersion.current = next.postmortemVersion;
      setResult(next);
      setError(undefined);
    } catch (caught) {
      if (!controller.signal.aborted) setError(messageOf(caught));
    } finally {
      if (inFlight.current === controller) setChecking(false);
    }
  }, []);

  const schedule = useCallback(
    (delayMs = LINT_DELAY_MS) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void check(), delayMs);
    },
    [check],
  );

  useEffect(() => {
    void check();
    return () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [check]);

  return { result, checking, error, schedule };
}
