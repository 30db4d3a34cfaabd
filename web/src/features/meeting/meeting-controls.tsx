import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import type { MeetingModeAction, MeetingModeState } from "./meeting.api.ts";

export interface MeetingControlsProps {
  mode: MeetingModeState;
  canEdit: boolean;
  moving: boolean;
  moveError: string | undefined;
  onMove(action: MeetingModeAction): void;
}

const TYPING = /^(input|textarea|select)$/i;

/** True when a key press belongs to what the user is typing, or carries a modifier. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return (
    event.altKey ||
    event.ctrlKey ||
    event.metaKey ||
    (target !== null && (TYPING.test(target.tagName) || target.isContentEditable))
  );
}

/**
 * Start, Previous section, Next section and End meeting for editors (the facilitator), with N and P
 * as single-key shortcuts that can be turned off; everyone else is told the page follows the room.
 */
export function MeetingControls({ mode, canEdit, moving, moveError, onMove }: MeetingControlsProps) {
  const [shortcuts, setShortcuts] = useState(true);
  const shortcutsId = useId();
  const index = mode.section?.index ?? 0;
  const last = mode.agenda.sections.length - 1;
  const enabled = canEdit && mode.active && shortcuts && !moving;
  const latest = useRef({ enabled, index, last, onMove });
  latest.current = { enabled, index, last, onMove };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = latest.current;
      if (!now.enabled || isTyping(event)) return;
      const key = event.key.toLowerCase();
      if (key === "n" && now.index < now.last) {
        event.preventDefault();
        now.onMove("next");
      } else if (key === "p" && now.index > 0) {
        event.preventDefault();
        now.onMove("previous");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  if (!canEdit) {
    return (
      <p className="hint mt-follow">
        {mode.active
          ? "You are following the meeting: this page moves with the room."
          : "The meeting has not started; this page will follow it once an editor starts it."}
      </p>
    );
  }

  return (
    <div className="mt-controls stack">
      <ErrorAlert>{moveError}</ErrorAlert>
      {mode.active ? (
        <>
          <div className="actions">
            <button
              type="button"
              aria-keyshortcuts={shortcuts ? "P" : undefined}
              disabled={moving || index === 0}
              onClick={() => onMove("previous")}
            >
              Previous section
            </button>
            <button
              type="button"
              className="primary"
              aria-keyshortcuts={shortcuts ? "N" : undefined}
              disabled={moving || index >= last}
              onClick={() => onMove("next")}
            >
              Next section
            </button>
            <button type="button" disabled={moving} onClick={() => onMove("end")}>
              End meeting
            </button>
          </div>
          <div className="mt-shortcuts">
            <input
              type="checkbox"
              id={shortcutsId}
              checked={shortcuts}
              onChange={(e) => setShortcuts(e.target.checked)}
            />
            <label htmlFor={shortcutsId}>
              Keyboard shortcuts: N for the next section, P for the previous one (not while typing in a field)
            </label>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={moving} onClick={() => onMove("start")}>
            Start meeting
          </button>
          <small className="hint">
            {mode.heldAt ? (
              <>
                Held at <UtcTime iso={mode.heldAt} />. Starting again runs the agenda once more.
              </>
            ) : (
              "Everyone with this page open follows the sections you move through."
            )}
          </small>
        </div>
      )}
    </div>
  );
}
