import { Link, useParams } from "wouter";
import { isUnauthenticated, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { getIncident } from "../incidents/incidents.api.ts";
import { PostmortemEditor } from "./postmortem-editor.tsx";
import { getPostmortem } from "./postmortems.api.ts";
import "./postmortem.css";

/** /incidents/:key/postmortem: the write-up of one incident, saved as you type and linted as it is saved. */
export function PostmortemPage() {
  const { key } = useParams<{ key: string }>();
  const session = useSession();
  const incident = useResource((signal) => getIncident(key, signal), [key]);
  const postmortem = useResource((signal) => getPostmortem(key, signal), [key]);
  useTitle(incident.data ? `Post-mortem ${incident.data.key} ${incident.data.title}` : `Post-mortem ${key}`);

  const error = [incident.error, postmortem.error].find((e) => e !== undefined && !isUnauthenticated(e));
  return (
    <>
      <div className="page-heading">
        <h1>
          Post-mortem <span className="key">{key}</span> {incident.data?.title}
        </h1>
        <nav aria-label="Post-mortem" className="pm-links">
          <Link href={`/incidents/${encodeURIComponent(key)}`}>Back to the incident</Link>
          <Link href={`/incidents/${encodeURIComponent(key)}/meeting`}>Meeting mode</Link>
          {incident.data?.customerImpact && (
            <Link href={`/incidents/${encodeURIComponent(key)}/external`}>Customer-facing version</Link>
          )}
        </nav>
      </div>
      {error !== undefined ? (
        <ErrorAlert>Could not load this post-mortem: {messageOf(error)}</ErrorAlert>
      ) : postmortem.data ? (
        <PostmortemEditor
          key={key}
          incidentKey={key}
          initial={postmortem.data}
          canEdit={session.can("editor")}
        />
      ) : (
        <p className="loading">Loading the post-mortem…</p>
      )}
    </>
  );
}
