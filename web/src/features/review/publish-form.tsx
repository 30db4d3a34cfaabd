import { useState, type FormEvent } from "react";
import { ApiError, isStale, messageOf, type FieldError } from "../../api/client.ts";
import type { Postmortem } from "../../api/types.ts";
import { TextField } from "../../components/field.tsx";
import { publishPostmortem, type PublishOptions } from "./review.api.ts";

const GAP_LABELS: Record<string, string> = {
  meeting: "Review meeting",
  rootCause: "Root cause",
  detection: "Detection",
  resolution: "Resolution",
  actionItems: "Action items",
  status: "Status",
  override: "Override",
};

export interface PublishFormProps {
  incidentKey: string;
  postmortem: Postmortem;
  /** Admins may publish without a held meeting, with a reason. */
  canOverride: boolean;
  onPublished(next: Postmortem): void;
  publish?: (key: string, read: Postmortem, options: PublishOptions) => Promise<Postmortem>;
}

/**
 * The Publish button. When the server refuses, each gap it names is listed; a missing meeting offers
 * an admin the override reason, and no action items asks why none is needed.
 */
export function PublishForm({
  incidentKey,
  postmortem,
  canOverride,
  onPublished,
  publish = publishPostmortem,
}: PublishFormProps) {
  const [gaps, setGaps] = useState<FieldError[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [override, setOverride] = useState("");
  const [noItems, setNoItems] = useState("");
  const [busy, setBusy] = useState(false);
  const needs = (path: string) => gaps.some((gap) => gap.path === path);
  const offerOverride = canOverride && needs("meeting");
  const askNoItems = needs("actionItems");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await publish(incidentKey, postmortem, {
        overrideReason: offerOverride ? override.trim() || undefined : undefined,
        noActionItemsReason: askNoItems ? noItems.trim() || undefined : undefined,
      });
      setGaps([]);
      onPublished(next);
    } catch (caught) {
      if (isStale(caught)) {
        setError(
          "Someone else saved this post-mortem since you opened it: reload the page to see their changes, then publish.",
        );
      } else if (caught instanceof ApiError && caught.status === 409 && caught.errors.length > 0) {
        setGaps(caught.errors);
        setError("Not published yet. The server says:");
      } else {
        setError(`Could not publish: ${messageOf(caught)}`);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack rv-publish" aria-label="Publish" onSubmit={submit} noValidate>
      {error && (
        <div role="alert" className="alert">
          <p className="rv-alert-text">{error}</p>
          {gaps.length > 0 && (
            <ul className="rv-gaps">
              {gaps.map((gap) => (
                <li key={gap.path}>
                  <strong>{GAP_LABELS[gap.path] ?? gap.path}:</strong> {gap.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {askNoItems && (
        <TextField
          label="Why no action items are needed"
          description="Kept with the post-mortem; leave empty to add action items instead"
          value={noItems}
          onChange={(e) => setNoItems(e.target.value)}
        />
      )}
      {offerOverride && (
        <TextField
          label="Override reason (admin)"
          description="Publishes without a held review meeting; the reason and your name are recorded"
          value={override}
          onChange={(e) => setOverride(e.target.value)}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Publishing…" : offerOverride && override.trim() ? "Publish with override" : "Publish"}
        </button>
      </div>
    </form>
  );
}
