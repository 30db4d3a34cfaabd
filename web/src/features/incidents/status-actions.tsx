import { useState } from "react";
import { isStale, messageOf } from "../../api/client.ts";
import type { Incident, IncidentStatus } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { changeIncidentStatus, getIncident } from "./incidents.api.ts";

const NEXT: Record<IncidentStatus, { status: IncidentStatus; label: string }[]> = {
  open: [
    { status: "mitigated", label: "Mark mitigated" },
    { status: "resolved", label: "Mark resolved" },
  ],
  mitigated: [{ status: "resolved", label: "Mark resolved" }],
  resolved: [],
};

/** The forward moves an incident can still make; the server stamps the time of each. */
export function StatusActions({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged(incident: Incident): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function move(status: IncidentStatus) {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await changeIncidentStatus(incident, status));
    } catch (caught) {
      if (isStale(caught)) {
        const latest = await getIncident(incident.key).catch(() => undefined);
        if (latest) onChanged(latest);
        setError(
          "Someone changed this incident just now; here is its current state. Try again if still needed.",
        );
      } else setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const moves = NEXT[incident.status];
  if (moves.length === 0 && !error) return null;
  return (
    <div className="status-actions">
      {moves.map((move_) => (
        <button key={move_.status} type="button" disabled={busy} onClick={() => move(move_.status)}>
          {move_.label}
        </button>
      ))}
      <ErrorAlert>{error}</ErrorAlert>
    </div>
  );
}
