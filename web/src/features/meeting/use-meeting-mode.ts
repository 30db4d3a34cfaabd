import { useCallback, useRef, useState } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { usePolling } from "../../lib/use-polling.ts";
import {
  getMeetingMode,
  moveMeetingMode,
  type MeetingModeAction,
  type MeetingModeState,
} from "./meeting.api.ts";

export const POLL_INTERVAL_MS = 2_000;

const ACTION_WORDS: Record<MeetingModeAction, string> = {
  start: "start the meeting",
  next: "move to the next section",
  previous: "move back a section",
  goto: "go to that section",
  end: "end the meeting",
};

export interface MeetingModeCalls {
  get(signal: AbortSignal): Promise<MeetingModeState>;
  move(read: MeetingModeState, action: MeetingModeAction, section?: number): Promise<MeetingModeState>;
}

export interface MeetingMode {
  mode: MeetingModeState | undefined;
  /** This browser's clock when `mode` arrived (the countdown corrects for clock skew from it). */
  receivedAt: number;
  loadError: unknown;
  /** Why the last move was refused, in words. */
  moveError: string | undefined;
  moving: boolean;
  move(action: MeetingModeAction, section?: number): Promise<void>;
}

export function meetingModeCalls(key: string): MeetingModeCalls {
  return {
    get: (signal) => getMeetingMode(key, signal),
    move: (read, action, section) => moveMeetingMode(key, read, action, section),
  };
}

/**
 * Follows the room: asks the server where the meeting is every two seconds (not while the tab is
 * hidden, and at once when it shows again) and moves it for everyone with `move`. An answer older
 * than what is shown (a lower version) is dropped.
 */
export function useMeetingMode(
  calls: MeetingModeCalls,
  options: { intervalMs?: number; now?: () => number } = {},
): MeetingMode {
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const [state, setState] = useState<{ mode?: MeetingModeState; receivedAt: number }>({ receivedAt: 0 });
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [moveError, setMoveError] = useState<string | undefined>();
  const [moving, setMoving] = useState(false);
  const current = useRef<MeetingModeState | undefined>(undefined);
  const callsRef = useRef(calls);
  callsRef.current = calls;
  const nowRef = useRef(now);
  nowRef.current = now;

  const show = useCallback((next: MeetingModeState) => {
    if (current.current && next.version < current.current.version) return;
    current.current = next;
    setState({ mode: next, receivedAt: nowRef.current() });
  }, []);

  usePolling(
    async (signal) => {
      show(await callsRef.current.get(signal));
      setLoadError(undefined);
    },
    { intervalMs, enabled: true, immediate: true, onError: setLoadError },
  );

  const move = useCallback(
    async (action: MeetingModeAction, section?: number) => {
      const read = current.current;
      if (!read) return;
      setMoving(true);
      setMoveError(undefined);
      try {
        try {
          show(await callsRef.current.move(read, action, section));
        } catch (error) {
          // The meeting's version also moves when notes or attendees are saved: if the room itself is
          // still where this page saw it, the click still means what the user meant, so apply it once more.
          if (!isStale(error)) throw error;
          const latest = await callsRef.current.get(new AbortController().signal);
          if (latest.active !== read.active || latest.section?.index !== read.section?.index) throw error;
          show(await callsRef.current.move(latest, action, section));
        }
      } catch (error) {
        if (isStale(error)) {
          // Someone moved the room first: show where it is now rather than moving it twice.
          const latest = await callsRef.current.get(new AbortController().signal).catch(() => undefined);
          if (latest) show(latest);
          setMoveError(
            latest?.section
              ? `Someone else moved the meeting first: it is on "${latest.section.title}" now.`
              : "Someone else changed the meeting first: this is where it stands now.",
          );
        } else {
          const refused = error instanceof ApiError ? error.fieldError("action") : undefined;
          setMoveError(`Could not ${ACTION_WORDS[action]}: ${refused ?? messageOf(error)}`);
        }
      } finally {
        setMoving(false);
      }
    },
    [show],
  );

  return { mode: state.mode, receivedAt: state.receivedAt, loadError, moveError, moving, move };
}
