import { useState } from "react";
import { messageOf } from "../../api/client.ts";
import {
  CHECKLIST_PHASES,
  type ChecklistEntry,
  type ChecklistItemKey,
  type Deadline,
  type Postmortem,
} from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { CHECKLIST_LABELS, DEADLINE_LABELS, DECISION_LABELS, PHASE_LABELS, roughSpan } from "./labels.ts";

// The process data the post-mortem carries, each shown only when the API sends it (the process issue
// adds fields over time): the "run one?" decision, the meeting and publish deadlines, the checklist.

type ProcessFields = Partial<Pick<Postmortem, "required" | "deadlines" | "checklist">>;

export function RequiredDecision({ postmortem }: { postmortem: ProcessFields }) {
  const required = postmortem.required;
  if (!required) return null;
  const override = required.override ?? null;
  return (
    <section aria-labelledby="pm-required-heading" className="pm-required">
      <h2 id="pm-required-heading">Run a post-mortem?</h2>
      <p>
        <strong>{DECISION_LABELS[required.decision]}</strong>
        {required.reasons.length > 0 && <> ({required.reasons.join(", ")})</>}
      </p>
      {override && required.computed && (
        <p className="hint">
          Decided by an editor{override.reason ? `: ${override.reason}` : ""}. The rules alone say{" "}
          {DECISION_LABELS[required.computed.decision].toLowerCase()}.
        </p>
      )}
    </section>
  );
}

function DeadlineBadge({ name, deadline }: { name: string; deadline: Deadline }) {
  const { state, secondsLeft, overdueAt } = deadline;
  const text =
    state === "met"
      ? DEADLINE_LABELS.met
      : secondsLeft === null
        ? "counts from resolution"
        : `${DEADLINE_LABELS[state]}, ${roughSpan(secondsLeft)} ${secondsLeft >= 0 ? "left" : "late"}`;
  return (
    <li className={`badge deadline-${state}`}>
      {name}: {text}
      {overdueAt && state !== "met" && (
        <span className="visually-hidden">
          , overdue from <UtcTime iso={overdueAt} />
        </span>
      )}
    </li>
  );
}

export function DeadlineBadges({ postmortem }: { postmortem: ProcessFields }) {
  const deadlines = postmortem.deadlines;
  if (!deadlines) return null;
  return (
    <ul className="badges pm-deadlines" aria-label="Deadlines">
      {deadlines.meeting && <DeadlineBadge name="Review meeting" deadline={deadlines.meeting} />}
      {deadlines.publish && <DeadlineBadge name="Publish" deadline={deadlines.publish} />}
    </ul>
  );
}

export interface ChecklistProps {
  checklist: ChecklistEntry[] | undefined;
  canEdit: boolean;
  onToggle(item: ChecklistItemKey, ticked: boolean): Promise<void>;
}

/** The review checklist by phase; an editor ticks items (saved at once, no version involved). */
export function Checklist({ checklist, canEdit, onToggle }: ChecklistProps) {
  // What the writer just clicked, shown at once while the server records it.
  const [pending, setPending] = useState<Partial<Record<ChecklistItemKey, boolean>>>({});
  const [error, setError] = useState<string | undefined>();
  if (!checklist || checklist.length === 0) return null;

  async function toggle(item: ChecklistItemKey, ticked: boolean) {
    if (pending[item] !== undefined) return;
    setPending((current) => ({ ...current, [item]: ticked }));
    setError(undefined);
    try {
      await onToggle(item, ticked);
    } catch (caught) {
      setError(`Could not save the tick: ${messageOf(caught)}`);
    } finally {
      setPending(({ [item]: _, ...rest }) => rest as Partial<Record<ChecklistItemKey, boolean>>);
    }
  }

  return (
    <section aria-labelledby="pm-checklist-heading" className="pm-checklist">
      <h2 id="pm-checklist-heading">Checklist</h2>
      <ErrorAlert>{error}</ErrorAlert>
      {CHECKLIST_PHASES.map((phase) => {
        const entries = checklist.filter((entry) => entry.phase === phase);
        if (entries.length === 0) return null;
        return (
          <fieldset key={phase} className="pm-phase">
            <legend>{PHASE_LABELS[phase]}</legend>
            {entries.map((entry) => (
              <div key={entry.item} className="pm-check">
                <input
                  type="checkbox"
                  id={`pm-check-${entry.item}`}
                  checked={pending[entry.item] ?? entry.tickedAt !== null}
                  disabled={!canEdit}
                  aria-busy={pending[entry.item] !== undefined || undefined}
                  onChange={(e) => void toggle(entry.item, e.target.checked)}
                />
                <label htmlFor={`pm-check-${entry.item}`}>
                  {CHECKLIST_LABELS[entry.item] ?? entry.item}
                  {entry.tickedAt && (
                    <small className="hint">
                      {entry.tickedBy ?? "Someone"}, <UtcTime iso={entry.tickedAt} />
                    </small>
                  )}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
