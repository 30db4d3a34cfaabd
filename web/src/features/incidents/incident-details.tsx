import { useState } from "react";
import type { Incident } from "../../api/types.ts";
import { StatusLine } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useSession } from "../auth/session.tsx";
import { EditIncidentDialog } from "./edit-incident-dialog.tsx";
import { FLAG_LABELS, FLAGS } from "./labels.ts";
import "./incidents.css";

/** What the incident did and when it was noticed; editors can change it in a dialog. */
export function IncidentDetails({
  incident,
  onChanged,
  now,
}: {
  incident: Incident;
  onChanged(incident: Incident): void;
  /** The clock for the "not in the future" check (tests pass a fixed one). */
  now?: () => Date;
}) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const flags = FLAGS.filter((flag) => incident[flag]).map((flag) => FLAG_LABELS[flag]);

  return (
    <section aria-labelledby="incident-details-heading" className="incident-details">
      <div className="details-heading">
        <h2 id="incident-details-heading">Details</h2>
        {session.can("editor") && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit details
          </button>
        )}
      </div>
      <dl className="details">
        <dt>Impact</dt>
        <dd className="impact-text">{incident.impact || <span className="empty">Not described yet</span>}</dd>
        <dt>Flags</dt>
        <dd>
          {flags.length > 0 ? (
            <ul className="flag-list">
              {flags.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          ) : (
            <span className="empty">None marked</span>
          )}
        </dd>
        <dt>Services</dt>
        <dd>{incident.services.join(", ") || <span className="empty">None</span>}</dd>
        <dt>Tags</dt>
        <dd>{incident.tags.join(", ") || <span className="empty">None</span>}</dd>
        <dt>Detected</dt>
        <dd>
          <TimeOrUnset iso={incident.detectedAt} />
        </dd>
        <dt>Mitigated</dt>
        <dd>
          <TimeOrUnset iso={incident.mitigatedAt} />
        </dd>
        <dt>Resolved</dt>
        <dd>
          <TimeOrUnset iso={incident.resolvedAt} />
        </dd>
      </dl>
      <StatusLine>{saved ? "Details saved." : ""}</StatusLine>
      <EditIncidentDialog
        incident={incident}
        open={editing}
        onClose={() => setEditing(false)}
        {...(now ? { now } : {})}
        onChanged={(next, how) => {
          setSaved(how === "saved");
          onChanged(next);
        }}
      />
    </section>
  );
}

function TimeOrUnset({ iso }: { iso: string | null }) {
  return iso ? <UtcTime iso={iso} /> : <span className="empty">Not set</span>;
}
