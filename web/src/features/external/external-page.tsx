import { useState } from "react";
import { Link, useParams } from "wouter";
import { isUnauthenticated, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { getIncident } from "../incidents/incidents.api.ts";
import { createExternalVersion, getExternalVersion } from "./external.api.ts";
import { ExternalWorkspace } from "./external-workspace.tsx";
import "./external.css";

/** /incidents/:key/external: the customer-facing version, its redaction flags, approval and publishing. */
export function ExternalPage() {
  const { key } = useParams<{ key: string }>();
  const session = useSession();
  const canEdit = session.can("editor");
  const incident = useResource((signal) => getIncident(key, signal), [key]);
  const external = useResource((signal) => getExternalVersion(key, signal), [key]);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | undefined>();
  useTitle(`Customer-facing version ${key}${incident.data ? ` ${incident.data.title}` : ""}`);

  async function create() {
    setCreating(true);
    setCreateError(undefined);
    try {
      external.setData(await createExternalVersion(key));
    } catch (caught) {
      setCreateError(`Could not start it: ${messageOf(caught)}`);
    } finally {
      setCreating(false);
    }
  }

  const error = [incident.error, external.error].find((e) => e !== undefined && !isUnauthenticated(e));
  const postmortemHref = `/incidents/${encodeURIComponent(key)}/postmortem`;
  return (
    <>
      <div className="page-heading">
        <h1>
          Customer-facing version <span className="key">{key}</span> {incident.data?.title}
        </h1>
        <nav aria-label="Customer-facing version" className="ext-links">
          <Link href={postmortemHref}>Back to the post-mortem</Link>
        </nav>
      </div>
      {error !== undefined ? (
        <ErrorAlert>Could not load the customer-facing version: {messageOf(error)}</ErrorAlert>
      ) : external.data === undefined || !incident.data ? (
        <p className="loading">Loading the customer-facing version…</p>
      ) : external.data ? (
        <ExternalWorkspace
          key={key}
          initial={external.data}
          canEdit={canEdit}
          reload={() => getExternalVersion(key)}
        />
      ) : (
        <section className="ext-intro stack" aria-label="About the customer-facing version">
          <p>
            The customer-facing version is a short account of this incident for the people it affected: what
            happened, what they could not do, for how long, and what we are changing. It is written apart from
            the internal post-mortem, checked for names, e-mail addresses, internal hosts and tickets,
            approved by a second person and then published on the public status page.
          </p>
          {!incident.data.customerImpact ? (
            <p className="hint">
              This incident is not marked as affecting customers, so it needs no customer-facing version. Mark
              customer impact on the incident first if customers were affected.
            </p>
          ) : canEdit ? (
            <div className="actions">
              <button type="button" className="primary" disabled={creating} onClick={create}>
                {creating ? "Starting…" : "Write a customer-facing version"}
              </button>
            </div>
          ) : (
            <p className="empty">Nobody has written one yet.</p>
          )}
          <ErrorAlert>{createError}</ErrorAlert>
        </section>
      )}
    </>
  );
}
