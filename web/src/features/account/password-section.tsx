import { useId, useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { asSentence } from "../../lib/as-sentence.ts";
import { changePassword, type ChangePasswordInput } from "./account.api.ts";

const MIN_PASSWORD = 12;

type Field = "currentPassword" | "newPassword" | "repeat";
type Errors = Partial<Record<Field | "form", string>>;

export interface PasswordSectionProps {
  /** The server call; replaced in tests. */
  change?: (input: ChangePasswordInput) => Promise<unknown>;
}

/** Change your own password: the current one, then the new one twice. Other sessions end; this one stays. */
export function PasswordSection({ change = changePassword }: PasswordSectionProps) {
  const headingId = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found: Errors = {
      currentPassword: current ? undefined : "Type your current password.",
      newPassword: next.length >= MIN_PASSWORD ? undefined : `Use at least ${MIN_PASSWORD} characters.`,
      repeat: repeat === next ? undefined : "The two new passwords differ.",
    };
    if (found.currentPassword || found.newPassword || found.repeat) {
      setErrors({ ...found, form: "Correct the fields marked below." });
      return;
    }
    setBusy(true);
    try {
      await change({ currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setRepeat("");
      setErrors({});
      setDone(true);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : undefined;
      const field = (path: "currentPassword" | "newPassword") => asSentence(apiError?.fieldError(path));
      setErrors({
        currentPassword: field("currentPassword"),
        newPassword: field("newPassword"),
        form: messageOf(caught),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="account-section">
      <h2 id={headingId}>Password</h2>
      <form className="stack account-password" onSubmit={submit} noValidate>
        <ErrorAlert>{errors.form}</ErrorAlert>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          description={`At least ${MIN_PASSWORD} characters; a few unrelated words make a good one.`}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.newPassword}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeat}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Changing…" : "Change password"}
          </button>
        </div>
        {done && (
          <StatusLine>
            Password changed. You stay signed in here; your other sessions have ended. Your API tokens still
            work.
          </StatusLine>
        )}
      </form>
    </section>
  );
}
