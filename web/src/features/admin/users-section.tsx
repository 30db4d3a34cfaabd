import { useId, useRef, useState, type FormEvent } from "react";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { ROLES, type Role, type User } from "../../api/types.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { SelectField } from "../../components/field.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { asSentence } from "../../lib/as-sentence.ts";
import { SecretDialog } from "../account/secret-dialog.tsx";
import { AddUserDialog } from "./add-user-dialog.tsx";
import { changeUserRole, listUsers } from "./admin.api.ts";
import { ROLE_LABELS } from "./labels.ts";
import { UserTokens } from "./user-tokens.tsx";

/** Everyone who can sign in, their role changed in place, their API tokens, and "Add user". */
export function UsersSection({ me }: { me: User }) {
  const headingId = useId();
  const users = useResource((signal) => listUsers(signal), []);
  const [adding, setAdding] = useState(false);
  const [password, setPassword] = useState<{ name: string; value: string } | undefined>();
  const [status, setStatus] = useState("");

  function replace(saved: User) {
    users.setData((current) => current?.map((user) => (user.id === saved.id ? saved : user)));
  }

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <div className="page-heading">
        <h2 id={headingId}>Users</h2>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add user
        </button>
      </div>
      <StatusLine>{status}</StatusLine>
      <ErrorAlert>
        {users.error ? `Could not load the users: ${messageOf(users.error)}` : undefined}
      </ErrorAlert>
      {users.loading && !users.data ? (
        <p className="loading">Loading users…</p>
      ) : (
        <ul className="card-list" aria-label="Users">
          {(users.data ?? []).map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isMe={user.id === me.id}
              onSaved={replace}
              onStale={users.reload}
            />
          ))}
        </ul>
      )}
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={({ user, generatedPassword }) => {
          setAdding(false);
          users.setData((current) => [...(current ?? []), user]);
          setStatus(`Added ${user.name} as ${ROLE_LABELS[user.role].toLowerCase()}.`);
          if (generatedPassword) setPassword({ name: user.name, value: generatedPassword });
        }}
      />
      <SecretDialog
        title="Password for the new user"
        label="Password"
        intro={`Give ${password?.name ?? "the user"} this password through a private channel; they sign in with it.`}
        secret={password?.value}
        onClose={() => setPassword(undefined)}
      />
    </section>
  );
}

interface UserRowProps {
  user: User;
  isMe: boolean;
  onSaved(user: User): void;
  /** Someone changed the user meanwhile: load the list again (the row keeps the role chosen). */
  onStale(): Promise<void>;
}

function UserRow({ user, isMe, onSaved, onStale }: UserRowProps) {
  const [choice, setChoice] = useState<Role | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ form: string; role?: string | undefined } | undefined>();
  const [stale, setStale] = useState(false);
  const role = choice ?? user.role;
  const changed = role !== user.role;
  const form = useRef<HTMLFormElement>(null);
  // "Save role" and "Cancel" vanish once used: the keyboard goes back to the role they changed.
  const focusRole = () => form.current?.querySelector("select")?.focus();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!changed) return;
    setBusy(true);
    setError(undefined);
    setStale(false);
    try {
      const saved = await changeUserRole(user, role);
      setChoice(undefined);
      onSaved(saved);
      focusRole();
      // Demoting yourself: load the app again so it stops offering what the new role can't do.
      if (isMe && saved.role !== "admin") window.location.assign("/incidents");
    } catch (caught) {
      if (isStale(caught)) {
        await onStale().catch(() => undefined);
        setStale(true);
      } else {
        const apiError = caught instanceof ApiError ? caught : undefined;
        setError({ form: messageOf(caught), role: asSentence(apiError?.fieldError("role")) });
      }
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setChoice(undefined);
    setError(undefined);
    setStale(false);
    focusRole();
  }

  return (
    <li className="card-row">
      <div className="card-row-main">
        <strong>
          {user.name}
          {isMe && <span className="hint-inline"> (you)</span>}
        </strong>
        <span className="admin-email">{user.email}</span>
        <span className="hint">
          Added <UtcTime iso={user.createdAt} />
        </span>
      </div>
      <form className="role-form" ref={form} onSubmit={save}>
        <SelectField
          label={`Role of ${user.name}`}
          hideLabel
          value={role}
          options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          error={error?.role}
          description={
            isMe && changed && role !== "admin" ? "You will lose the admin role and this page." : undefined
          }
          onChange={(event) => {
            setChoice(event.target.value as Role);
            setError(undefined);
          }}
        />
        {changed && (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Saving…" : "Save role"}
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
      </form>
      <ErrorAlert>{error?.form}</ErrorAlert>
      {stale && (
        <p role="alert" className="theirs">
          Someone changed {user.name} while you were choosing: their role is now{" "}
          {ROLE_LABELS[user.role].toLowerCase()}.{changed ? " Save again to apply yours." : ""}
        </p>
      )}
      <UserTokens user={user} />
    </li>
  );
}
