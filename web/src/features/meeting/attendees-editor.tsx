import { useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import type { Attendee } from "./meeting.api.ts";
import type { NewAttendee } from "./use-meeting-record.ts";

export interface AttendeesEditorProps {
  attendees: Attendee[];
  canEdit: boolean;
  onAdd(attendee: NewAttendee): Promise<void>;
  onRemove(attendee: NewAttendee): Promise<void>;
}

/** Who is in the room: the list, and for editors a form to add someone and a Remove button each. */
export function AttendeesEditor({ attendees, canEdit, onAdd, onRemove }: AttendeesEditorProps) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<{ form?: string; name?: string; email?: string }>({});
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: "Write the attendee's name." });
    setBusy(true);
    setErrors({});
    try {
      await onAdd({ name: name.trim(), email: email.trim() || null });
      setName("");
      setEmail("");
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : undefined;
      const field = (suffix: string) =>
        apiError?.errors.find((e) => e.path.startsWith("attendees") && e.path.endsWith(suffix))?.message;
      setErrors({
        form: `Could not add them: ${messageOf(caught)}`,
        name: field("name"),
        email: field("email"),
      });
    } finally {
      setBusy(false);
    }
  }

  async function remove(attendee: Attendee) {
    setErrors({});
    try {
      await onRemove(attendee);
    } catch (caught) {
      setErrors({ form: `Could not remove ${attendee.name}: ${messageOf(caught)}` });
    }
  }

  return (
    <section aria-labelledby="mt-attendees-heading" className="mt-attendees">
      <h2 id="mt-attendees-heading">Attendees</h2>
      {attendees.length > 0 ? (
        <ul aria-label="Attendees" className="mt-attendee-list">
          {attendees.map((attendee, i) => (
            <li key={`${i}-${attendee.name}`}>
              <span>
                {attendee.name}
                {attendee.email && <span className="hint"> {attendee.email}</span>}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${attendee.name}`}
                  onClick={() => void remove(attendee)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Nobody is listed yet. Publishing needs at least one attendee.</p>
      )}
      <ErrorAlert>{errors.form}</ErrorAlert>
      {canEdit && (
        <form className="mt-attendee-form" aria-label="Add an attendee" onSubmit={add} noValidate>
          <TextField
            label="Name"
            value={name}
            autoComplete="off"
            error={errors.name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label="Email (optional)"
            type="email"
            value={email}
            autoComplete="off"
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? "Adding…" : "Add attendee"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
