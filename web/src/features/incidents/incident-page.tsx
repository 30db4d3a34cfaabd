import { Link, useParams } from "wouter";
import { isUnauthenticated, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { CaptureInput } from "../timeline/capture-input.tsx";
import { TimelineList } from "../timeline/timeline-list.tsx";
import { useTimeline } from "../timeline/use-timeline.ts";
import { IncidentDetails } from "./incident-details.tsx";
import { getIncident } from "./incidents.api.ts";
import { SeverityBadge, StatusBadge } from "./incidents-page.tsx";
import { StatusActions } from "./status-actions.tsx";

/** One incident during the response: its state, status moves, and live timeline capture. */
export function IncidentPage() {
  const { key } = useParams<{ key: string }>();
  const session = useSession();
  const incident = useResource((signal) => getIncident(key, signal), [key]);
  const timeline = useTimeline(key);
  const canEdit = session.can("editor");
  useTitle(incident.data ? `${incident.data.key} ${incident.data.title}` : key);

  if (incident.error && !isUnauthenticated(incident.error)) {
    return (
      <>
        <h1>{key}</h1>
        <ErrorAlert>Could not load this incident: {messageOf(incident.error)}</ErrorAlert>
        <Link href="/incidents">Back to incidents</Link>
      </>
    );
  }
  const data = incident.data;
  return (
    <>
      <div className="page-heading">
        <h1>
          <span className="key">{key}</span> {data?.title ?? "Loading…"}
        </h1>
        <Link href={`/incidents/${encodeURIComponent(key)}/postmortem`}>Post-mortem</Link>
      </div>
      {data && (
        <section aria-label="Incident state" className="incident-state">
          <p className="badges">
            <SeverityBadge severity={data.severity} />
            <StatusBadge status={data.status} />
          </p>
          <dl className="times">
            <dt>Started</dt>
            <dd>
              <UtcTime iso={data.startedAt} />
            </dd>
          </dl>
          {canEdit && <StatusActions incident={data} onChanged={(next) => incident.setData(next)} />}
        </section>
      )}
      {data && <IncidentDetails incident={data} onChanged={(next) => incident.setData(next)} />}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {canEdit && (
          <CaptureInput
            disabled={!data || timeline.loading}
            onAdd={timeline.add}
            onDiscard={timeline.discard}
          />
        )}
        <ErrorAlert>
          {timeline.error ? `Could not load the timeline: ${messageOf(timeline.error)}` : undefined}
        </ErrorAlert>
        {timeline.loading ? (
          <p className="loading">Loading the timeline…</p>
        ) : (
          <TimelineList
            rows={timeline.rows}
            live={timeline.live}
            canEdit={canEdit}
            onSaved={timeline.replace}
            onRetry={timeline.retry}
            onDiscard={timeline.discard}
            onDelete={timeline.remove}
            onRefresh={timeline.refresh}
          />
        )}
      </section>
    </>
  );
}
