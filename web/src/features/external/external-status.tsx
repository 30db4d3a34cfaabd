import { useId, useState } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { StatusLine } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { runExternalAction, type ExternalAction, type ExternalVersion } from "./external.api.ts";
import { FIELD_LABELS, STATUS_HINTS, STATUS_LABELS } from "./labels.ts";

export interface ExternalStatusPanelProps {
  version: ExternalVersion;
  canEdit: boolean;
  /** Unsaved text: approving or publishing would act on the saved text, so they wait. */
  dirty: boolean;
  onChanged(version: ExternalVersion): void;
  run?: typeof runExternalAction;
}

const ACTION_LABELS: Record<ExternalAction, [idle: string, busy: string, done: string]> = {
  approve: ["Approve", "Approving…", "Approved"],
  publish: ["Publish", "Publishing…", "Published"],
  unpublish: ["Unpublish", "Unpublishing…", "Unpublished"],
};

/** The server's reasons for a refusal, one sentence each: open flags, the approver, empty texts. */
export function refusalReasons(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.errors.length === 0) return [messageOf(error)];
  return error.errors.map(({ path, message }) => {
    if (path === "approvedBy") return `It ${message}.`;
    if (path.startsWith("flags.")) return `Open flag in ${message}`;
    if (path in FIELD_LABELS) return `${FIELD_LABELS[path as keyof typeof FIELD_LABELS]} ${message}.`;
    if (path === "status") return `It ${message}.`;
    return `${path}: ${message}`;
  });
}

/** What the API allows next for this status; unpublishing is offered while a publication is live. */
export function allowedActions(version: ExternalVersion): ExternalAction[] {
  const actions: ExternalAction[] = [];
  if (version.status === "draft") actions.push("approve");
  if (version.status === "approved" || version.status === "unpublished") actions.push("publish");
  if (version.publication) actions.push("unpublish");
  return actions;
}

/** The version's status, who wrote and approved it, the public link, and Approve / Publish / Unpublish. */
export function ExternalStatusPanel({
  version,
  canEdit,
  dirty,
  onChanged,
  run = runExternalAction,
}: ExternalStatusPanelProps) {
  const headingId = useId();
  const [busy, setBusy] = useState<ExternalAction | undefined>();
  const [refused, setRefused] = useState<{ action: ExternalAction; reasons: string[] } | undefined>();
  const [done, setDone] = useState<string>("");

  async function act(action: ExternalAction) {
    setBusy(action);
    setRefused(undefined);
    setDone("");
    try {
      onChanged(await run(version, action));
      setDone(ACTION_LABELS[action][2]);
    } catch (caught) {
      const reasons = isStale(caught)
        ? ["Someone changed this version meanwhile; reload the page to see it, then try again."]
        : refusalReasons(caught);
      setRefused({ action, reasons });
    } finally {
      setBusy(undefined);
    }
  }

  const { publication } = version;
  return (
    <section className="ext-status stack" aria-labelledby={headingId}>
      <h2 id={headingId}>Status</h2>
      <p className="badges">
        <span className={`badge ext-status-${version.status}`}>{STATUS_LABELS[version.status]}</span>
        <span className="hint">{STATUS_HINTS[version.status]}</span>
      </p>
      <p className="hint">
        {version.author ? `Written by ${version.author.name}` : "Author unknown"}
        {version.approvedBy && version.approvedAt && (
          <>
            {" · Approved by "}
            {version.approvedBy.name} on <UtcTime iso={version.approvedAt} />
          </>
        )}
      </p>
      {publication && (
        <p>
          Public page: <a href={publication.url}>{publication.url}</a>{" "}
          <span className="hint">
            (published <UtcTime iso={publication.publishedAt} />)
          </span>
        </p>
      )}
      {canEdit && (
        <div className="actions">
          {allowedActions(version).map((action) => (
            <button
              key={action}
              type="button"
              className={action === "unpublish" ? undefined : "primary"}
              disabled={busy !== undefined || (dirty && action !== "unpublish")}
              onClick={() => act(action)}
            >
              {busy === action ? ACTION_LABELS[action][1] : ACTION_LABELS[action][0]}
            </button>
          ))}
          {dirty && <small className="hint">Save your changes before approving or publishing.</small>}
        </div>
      )}
      {refused && (
        <div role="alert" className="alert">
          <p>{refused.action === "approve" ? "Not approved:" : `Could not ${refused.action}:`}</p>
          <ul>
            {refused.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <StatusLine>{done}</StatusLine>
    </section>
  );
}
