import { useState, type FormEvent } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { formatUtc, parseUtcInput } from "../../lib/time.ts";
import { TextAreaField } from "../postmortems/text-area-field.tsx";
import type { Attendee, Meeting, UpdateMeetingInput } from "../meeting/meeting.api.ts";

/** One attendee per line, `Name` or `Name <email>`. */
export function parseAttendees(text: string): { name: string; email: string | null }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s*<([^<>]+)>$/.exec(line);
      return match
        ? { name: match[1]!.trim() || match[2]!.trim(), email: match[2]!.trim() }
        : { name: line, email: null };
    });
}

export function formatAttendees(attendees: Attendee[]): string {
  return attendees.map((a) => (a.email ? `${a.name} <${a.email}>` : a.name)).join("\n");
}

function describeMeeting(meeting: Meeting | null): string {
  if (!meeting) return "no meeting yet";
  const when = meeting.scheduledAt ? `${formatUtc(meeting.scheduledAt)} UTC` : "no time";
  const who = meeting.attendees.map((a) => a.name).join(", ") || "no attendees";
  return `${when}, ${meeting.durationMinutes} minutes, facilitator ${meeting.facilitator ?? "none"}; ${who}`;
}

type Errors = Partial<
  Record<"form" | "scheduledAt" | "durationMinutes" | "facilitator" | "attendees", string>
>;

export interface ScheduleFormProps {
  meeting: Meeting | null;
  save(read: Meeting | null, changes: UpdateMeetingInput): Promise<Meeting>;
  load(): Promise<Meeting | null>;
  onSaved(meeting: Meeting): void;
  onCancel(): void;
}

/**
 * When the review meeting takes place (UTC), how long, who facilitates and who attends. When someone
 * else changed the meeting first, their version is shown and what you typed stays for Save again.
 */
export function ScheduleForm({ meeting, save, load, onSaved, onCancel }: ScheduleFormProps) {
  const [read, setRead] = useState(meeting);
  const [when, setWhen] = useState(meeting?.scheduledAt ? formatUtc(meeting.scheduledAt) : "");
  const [duration, setDuration] = useState(String(meeting?.durationMinutes ?? 60));
  const [facilitator, setFacilitator] = useState(meeting?.facilitator ?? "");
  const [attendees, setAttendees] = useState(formatAttendees(meeting?.attendees ?? []));
  const [errors, setErrors] = useState<Errors>({});
  const [theirs, setTheirs] = useState<Meeting | null | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const scheduledAt = when.trim() ? parseUtcInput(when) : null;
    const minutes = Number(duration);
    const found: Errors = {
      scheduledAt: scheduledAt === undefined ? "Write the time as YYYY-MM-DD HH:MM in UTC." : undefined,
      durationMinutes:
        Number.isInteger(minutes) && minutes >= 5 && minutes <= 480
          ? undefined
          : "Give the length in whole minutes, 5 to 480.",
    };
    if (found.scheduledAt || found.durationMinutes) {
      return setErrors({ ...found, form: "Correct the fields marked below." });
    }
    setBusy(true);
    try {
      const saved = await save(read, {
        scheduledAt,
        durationMinutes: minutes,
        facilitator: facilitator.trim() || null,
        attendees: parseAttendees(attendees),
      });
      onSaved(saved);
    } catch (caught) {
      setBusy(false);
      if (isStale(caught)) {
        const latest = await load().catch(() => undefined);
        if (latest !== undefined) {
          setRead(latest);
          setTheirs(latest);
        }
        return setErrors({
          form: "Someone changed the meeting while you were editing. Compare, then save again to keep yours.",
        });
      }
      const apiError = caught instanceof ApiError ? caught : undefined;
      const attendeeError = apiError?.errors.find((e) => e.path.startsWith("attendees"));
      setErrors({
        form: messageOf(caught),
        scheduledAt: apiError?.fieldError("scheduledAt"),
        durationMinutes: apiError?.fieldError("durationMinutes"),
        facilitator: apiError?.fieldError("facilitator"),
        attendees:
          attendeeError &&
          `Line ${Number(attendeeError.path.split(".")[1] ?? 0) + 1}: ${attendeeError.message}`,
      });
    }
  }

  return (
    <form className="stack rv-form" aria-label="Schedule the meeting" onSubmit={submit} noValidate>
      <ErrorAlert>{errors.form}</ErrorAlert>
      {theirs !== undefined && (
        <p className="theirs">
          <strong>Their version:</strong> {describeMeeting(theirs)}
        </p>
      )}
      <TextField
        label="Time (UTC)"
        description="YYYY-MM-DD HH:MM in UTC; leave empty to unschedule"
        value={when}
        error={errors.scheduledAt}
        onChange={(e) => setWhen(e.target.value)}
      />
      <TextField
        label="Duration (minutes)"
        type="number"
        inputMode="numeric"
        min={5}
        max={480}
        value={duration}
        error={errors.durationMinutes}
        onChange={(e) => setDuration(e.target.value)}
      />
      <TextField
        label="Facilitator"
        value={facilitator}
        error={errors.facilitator}
        onChange={(e) => setFacilitator(e.target.value)}
      />
      <TextAreaField
        id="rv-attendees"
        label="Attendees"
        description="One per line: a name, or Name <email> to send the invitation"
        rows={4}
        value={attendees}
        error={errors.attendees}
        onChange={(e) => setAttendees(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save the schedule"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
