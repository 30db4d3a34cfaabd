import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { TIMELINE_KINDS, type TimelineKind } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { formatUtc } from "../../lib/time.ts";
import { KIND_LABELS, SHORTCUT_HINT, kindOfShortcut } from "./kinds.ts";
import { parseCapture } from "./parse-capture.ts";

export type CaptureResult = { ok: true } | { ok: false; error: string; tempId: string };

export interface CaptureInputProps {
  /** Saves the entry; on failure the input takes the text back if it is still empty. */
  onAdd(raw: string, text: string, kind: TimelineKind, occurredAt?: string): Promise<CaptureResult>;
  /** Drops a refused entry whose text went back into the input. */
  onDiscard(tempId: string): void;
  disabled?: boolean;
  now?: () => Date;
}

let readyMarked = false;

/**
 * Live capture: one line per entry, Enter adds it. A leading `HH:MM` or `YYYY-MM-DD HH:MM` (UTC)
 * back-dates it; Alt+1…6 or the Kind select picks the kind. Typed text is never thrown away on an error.
 */
export function CaptureInput({
  onAdd,
  onDiscard,
  disabled = false,
  now = () => new Date(),
}: CaptureInputProps) {
  const [value, setValue] = useState("");
  const [kind, setKind] = useState<TimelineKind>("event");
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(value);
  latest.current = value;
  const hintId = useId();
  const inputId = useId();

  const input = useRef<HTMLInputElement>(null);
  const focused = useRef(false);

  // Whoever opens the incident page during a response is there to type: the box takes focus once it is
  // usable (it is disabled while the incident loads, so autoFocus alone would miss it).
  useEffect(() => {
    if (disabled) return;
    if (!focused.current) {
      focused.current = true;
      input.current?.focus();
    }
    if (readyMarked) return;
    readyMarked = true;
    performance.mark("hindsight:capture-ready");
  }, [disabled]);

  function pickKindFromShortcut(event: KeyboardEvent) {
    const picked = kindOfShortcut(event);
    if (!picked) return;
    event.preventDefault();
    setKind(picked);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const raw = value;
    const parsed = parseCapture(raw, now());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    setValue("");
    // The kind is picked per entry: the next line starts again as an event.
    setKind("event");
    const result = await onAdd(raw, parsed.text, kind, parsed.occurredAt);
    if (result.ok) return;
    if (latest.current === "") {
      setValue(raw);
      setKind(kind);
      onDiscard(result.tempId);
      setError(`Not saved: ${result.error}. Your text is back in the box; press Enter to try again.`);
    } else {
      setError(`Not saved: ${result.error}. The entry waits in the timeline with Retry.`);
    }
  }

  const preview = value.trim() ? parseCapture(value, now()) : undefined;
  const backDated = preview?.ok && preview.occurredAt ? preview.occurredAt : undefined;

  return (
    <form className="capture" onSubmit={submit} aria-label="Timeline capture">
      <div className="capture-row">
        <div className="field capture-text">
          <label htmlFor={inputId}>Add timeline entry</label>
          <input
            id={inputId}
            ref={input}
            value={value}
            disabled={disabled}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={pickKindFromShortcut}
            placeholder="14:02 Error rate alert fired"
          />
        </div>
        <div className="field capture-kind">
          <label htmlFor={`${inputId}-kind`}>Kind</label>
          <select
            id={`${inputId}-kind`}
            value={kind}
            disabled={disabled}
            aria-describedby={hintId}
            onChange={(event) => setKind(event.target.value as TimelineKind)}
            onKeyDown={pickKindFromShortcut}
          >
            {TIMELINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={disabled}>
          Add
        </button>
      </div>
      <small id={hintId} className="hint">
        Enter adds it, stamped now in UTC. Start with HH:MM or YYYY-MM-DD HH:MM (UTC) to back-date it. Kind:{" "}
        {SHORTCUT_HINT}.
      </small>
      {backDated && <small className="hint">Back-dated to {formatUtc(backDated)} UTC.</small>}
      <ErrorAlert>{error}</ErrorAlert>
    </form>
  );
}
