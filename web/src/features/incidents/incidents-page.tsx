import { useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { messageOf } from "../../api/client.ts";
import {
  INCIDENT_STATUSES,
  SEVERITIES,
  type Incident,
  type IncidentStatus,
  type Severity,
} from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField } from "../../components/field.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { DeclareIncidentDialog } from "./declare-incident-dialog.tsx";
import { listIncidents, type IncidentFilters } from "./incidents.api.ts";
import { SEVERITY_LABELS, STATUS_LABELS } from "./labels.ts";

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Incidents newest first, filtered by status and severity (kept in the URL), and "Declare incident". */
export function IncidentsPage() {
  useTitle("Incidents");
  const session = useSession();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const filters: IncidentFilters = {
    status: pick(params.get("status"), INCIDENT_STATUSES),
    severity: pick(params.get("severity"), SEVERITIES),
  };
  const [declaring, setDeclaring] = useState(false);
  const [more, setMore] = useState<{ items: Incident[]; cursor: string | null; error?: string }>();
  const page = useResource(
    (signal) => {
      setMore(undefined);
      return listIncidents(filters, undefined, signal);
    },
    [filters.status, filters.severity],
  );

  function setFilter(name: "status" | "severity", value: string) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  }

  async function loadMore() {
    const cursor = more ? more.cursor : page.data?.nextCursor;
    if (!cursor) return;
    try {
      const next = await listIncidents(filters, cursor);
      setMore((current) => ({ items: [...(current?.items ?? []), ...next.items], cursor: next.nextCursor }));
    } catch (caught) {
      setMore((current) => ({ items: current?.items ?? [], cursor, error: messageOf(caught) }));
    }
  }

  const incidents = [...(page.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.cursor : page.data?.nextCursor;

  return (
    <>
      <div className="page-heading">
        <h1>Incidents</h1>
        {session.can("editor") && (
          <button type="button" className="primary" onClick={() => setDeclaring(true)}>
            Declare incident
          </button>
        )}
      </div>
      <form className="filters" aria-label="Filter incidents" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          value={filters.status ?? ""}
          options={[
            { value: "", label: "Any status" },
            ...INCIDENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
          onChange={(event) => setFilter("status", event.target.value)}
        />
        <SelectField
          label="Severity"
          value={filters.severity ?? ""}
          options={[
            { value: "", label: "Any severity" },
            ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
          ]}
          onChange={(event) => setFilter("severity", event.target.value)}
        />
      </form>
      <ErrorAlert>
        {page.error ? `Could not load the incidents: ${messageOf(page.error)}` : undefined}
      </ErrorAlert>
      {page.loading && !page.data ? (
        <p className="loading">Loading incidents…</p>
      ) : incidents.length === 0 && !page.error ? (
        <p className="empty">No incidents match these filters.</p>
      ) : (
        <ul className="card-list incident-list" aria-label="Incidents">
          {incidents.map((incident) => (
            <IncidentRow key={incident.key} incident={incident} />
          ))}
        </ul>
      )}
      <ErrorAlert>{more?.error}</ErrorAlert>
      {nextCursor && (
        <button type="button" onClick={loadMore}>
          Show more incidents
        </button>
      )}
      <DeclareIncidentDialog
        open={declaring}
        onClose={() => setDeclaring(false)}
        onDeclared={(incident) => navigate(`/incidents/${incident.key}`)}
      />
    </>
  );
}

function IncidentRow({ incident }: { incident: Incident }) {
  return (
    <li className="card-row incident-row">
      <Link href={`/incidents/${incident.key}`} className="incident-link">
        <span className="key">{incident.key}</span> {incident.title}
      </Link>
      <span className="badges">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span className="started">
          Started <UtcTime iso={incident.startedAt} />
        </span>
      </span>
    </li>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
