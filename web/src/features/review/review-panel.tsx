import { useState, type FormEvent } from "react";
import { isStale, messageOf } from "../../api/client.ts";
import type { Postmortem, PostmortemStatus } from "../../api/types.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { formatUtc, parseUtcInput, toUtcIso } from "../../lib/time.ts";
import { useSession } from "../auth/session.tsx";
import { getMeeting, inviteUrl, saveMeeting, type Meeting } from "../meeting/meeting.api.ts";
import { PublishForm } from "./publish-form.tsx";
import { submitForReview } from "./review.api.ts";
import { ScheduleForm } from "./schedule-form.tsx";
import "./review.css";

export const STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  closed: "Closed",
};
const STEPS = Object.keys(STATUS_LABELS) as PostmortemStatus[];

function nextStep(postmortem: Postmortem): string {
  const meeting = postmortem.meeting;
  switch (postmortem.status) {
    case "draft":
      return meeting?.scheduledAt || meeting?.heldAt
        ? "Next: when the write-up is ready, submit it for review."
        : "Next: schedule the review meeting, and submit the write-up for review when it is ready.";
    case "in_review":
      return meeting?.heldAt
        ? "Next: publish it."
        : "Next: hold the review meeting (Meeting mode), record it as held, then publish.";
    case "published":
      return "Published: it closes by itself once every action item is finished.";
    case "closed":
      return "Closed: every action item is finished.";
  }
}

function MeetingSummary({ meeting, incidentKey }: { meeting: Meeting | null; incidentKey: string }) {
  return (
    <dl className="rv-meeting">
      <dt>Meeting</dt>
      <dd>
        {meeting?.scheduledAt ? (
          <>
            <UtcTime iso={meeting.scheduledAt} />, {meeting.durationMinutes} minutes
            {meeting.facilitator && <>, facilitated by {meeting.facilitator}</>}{" "}
            <a href={inviteUrl(incidentKey)} download>
              Download invite (.ics)
            </a>
          </>
        ) : (
          "not scheduled yet"
        )}
      </dd>
      <dt>Attendees</dt>
      <dd>{meeting?.attendees.map((a) => a.name).join(", ") || "none listed yet"}</dd>
      <dt>Held</dt>
      <dd>{meeting?.heldAt ? <UtcTime iso={meeting.heldAt} /> : "not yet"}</dd>
    </dl>
  );
}

function RecordHeldForm(props: { onSave(heldAt: string): Promise<void>; onCancel(): void }) {
  const [when, setWhen] = useState(() => formatUtc(toUtcIso(new Date())));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const heldAt = parseUtcInput(when);
    if (!heldAt) return setError("Write the time as YYYY-MM-DD HH:MM in UTC.");
    setBusy(true);
    try {
      await props.onSave(heldAt);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <form className="stack rv-form" aria-label="Record meeting held" onSubmit={submit} noValidate>
      <TextField
        label="Held at (UTC)"
        description="YYYY-MM-DD HH:MM in UTC, not in the future. Publishing also needs the attendees."
        value={when}
        error={error}
        onChange={(e) => setWhen(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save as held"}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export interface ReviewPanelProps {
  incidentKey: string;
  postmortem: Postmortem;
  canEdit: boolean;
  onChanged(next: Postmortem): void;
}

/** The review workflow on the post-mortem page: where it stands, the meeting, submit for review, publish. */
export function ReviewPanel({ incidentKey, postmortem, canEdit, onChanged }: ReviewPanelProps) {
  const session = useSession();
  const [open, setOpen] = useState<"schedule" | "held" | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const meeting = postmortem.meeting;
  const status = postmortem.status;
  const workable = canEdit && (status === "draft" || status === "in_review");

  const meetingSaved = (next: Meeting, message: string) => {
    onChanged({ ...postmortem, meeting: next });
    setOpen(undefined);
    setDone(message);
  };

  async function recordHeld(heldAt: string) {
    let read = meeting;
    try {
      meetingSaved(await saveMeeting(incidentKey, read, { heldAt }), "The meeting is recorded as held.");
    } catch (caught) {
      if (!isStale(caught)) throw caught;
      // Someone else wrote the meeting meanwhile: the time held is one field, so write it on theirs.
      read = await getMeeting(incidentKey);
      meetingSaved(await saveMeeting(incidentKey, read, { heldAt }), "The meeting is recorded as held.");
    }
  }

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await submitForReview(incidentKey, postmortem));
      setDone("Submitted for review.");
    } catch (caught) {
      setError(
        isStale(caught)
          ? "Someone else saved this post-mortem since you opened it: reload the page to see their changes, then submit."
          : `Could not submit for review: ${messageOf(caught)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  const toggle = (which: "schedule" | "held") => {
    setDone("");
    setOpen(open === which ? undefined : which);
  };

  return (
    <section aria-labelledby="rv-heading" className="rv-panel stack">
      <h2 id="rv-heading">Review</h2>
      <ol className="rv-steps" aria-label="Review status">
        {STEPS.map((step) => (
          <li key={step} aria-current={step === status ? "step" : undefined}>
            {STATUS_LABELS[step]}
          </li>
        ))}
      </ol>
      <p className="rv-next">{nextStep(postmortem)}</p>
      {postmortem.publishedAt && (
        <p className="hint">
          Published <UtcTime iso={postmortem.publishedAt} />
        </p>
      )}
      <MeetingSummary meeting={meeting} incidentKey={incidentKey} />
      <StatusLine>{done}</StatusLine>
      {workable && (
        <>
          <ErrorAlert>{error}</ErrorAlert>
          <div className="actions">
            <button type="button" aria-expanded={open === "schedule"} onClick={() => toggle("schedule")}>
              {meeting?.scheduledAt ? "Change the meeting" : "Schedule the meeting"}
            </button>
            <button type="button" aria-expanded={open === "held"} onClick={() => toggle("held")}>
              Record meeting held
            </button>
            {status === "draft" && (
              <button type="button" disabled={busy} onClick={() => void submit()}>
                {busy ? "Submitting…" : "Submit for review"}
              </button>
            )}
          </div>
          {open === "schedule" && (
            <ScheduleForm
              meeting={meeting}
              save={(read, changes) => saveMeeting(incidentKey, read, changes)}
              load={() => getMeeting(incidentKey)}
              onSaved={(next) => meetingSaved(next, "The meeting schedule is saved.")}
              onCancel={() => setOpen(undefined)}
            />
          )}
          {open === "held" && <RecordHeldForm onSave={recordHeld} onCancel={() => setOpen(undefined)} />}
          <PublishForm
            incidentKey={incidentKey}
            postmortem={postmortem}
            canOverride={session.can("admin")}
            onPublished={(next) => {
              onChanged(next);
              setDone("Published.");
            }}
          />
        </>
      )}
    </section>
  );
}
