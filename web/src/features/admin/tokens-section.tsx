import { useId, useRef, useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { asSentence } from "./add-user-dialog.tsx";
import { createToken, listMyTokens, revokeToken, type ApiToken, type CreatedToken } from "./admin.api.ts";
import { SecretDialog } from "./secret-dialog.tsx";

const EXPIRIES = [
  { value: "", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

/** The signed-in user's API tokens: create one (its secret shown once), revoke one after confirming. */
export function TokensSection() {
  const headingId = useId();
  const tokens = useResource((signal) => listMyTokens(signal), []);
  const [secret, setSecret] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiToken | undefined>();
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Your API tokens
      </h2>
      <p className="hint">
        Scripts and integrations send a token in the header <code>Authorization: Bearer …</code> and act as
        you, with your role.
      </p>
      <CreateTokenForm
        onCreated={(created) => {
          tokens.setData((current) => [...(current ?? []), created.token]);
          setSecret(created.secret);
        }}
      />
      <StatusLine>{status}</StatusLine>
      <ErrorAlert>
        {tokens.error ? `Could not load your tokens: ${messageOf(tokens.error)}` : undefined}
      </ErrorAlert>
      {tokens.loading && !tokens.data ? (
        <p className="loading">Loading tokens…</p>
      ) : tokens.data?.length === 0 ? (
        <p className="empty">You have no API tokens.</p>
      ) : (
        <ul className="admin-list" aria-label="API tokens">
          {(tokens.data ?? []).map((token) => (
            <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
          ))}
        </ul>
      )}
      <SecretDialog
        title="Your new API token"
        label="Token"
        intro="Put it where your script or integration keeps its secrets."
        secret={secret}
        onClose={() => setSecret(undefined)}
      />
      <Dialog title="Revoke token?" open={revoking !== undefined} onClose={() => setRevoking(undefined)}>
        {revoking && (
          <RevokeConfirm
            token={revoking}
            onCancel={() => setRevoking(undefined)}
            onRevoked={async () => {
              setRevoking(undefined);
              setStatus(`Revoked ${revoking.name}.`);
              await tokens.reload();
              // Its Revoke button is gone: keep the keyboard in this section rather than at the page's top.
              heading.current?.focus();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated(created: CreatedToken): void }) {
  const [name, setName] = useState("");
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<{ name?: string | undefined; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: "Name the token after what will use it, like “deploy script”." });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const created = await createToken({
        name: name.trim(),
        ...(expires ? { expiresInDays: Number(expires) } : {}),
      });
      setName("");
      onCreated(created);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : undefined;
      setErrors({ name: asSentence(apiError?.fieldError("name")), form: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="token-form" onSubmit={submit} noValidate aria-label="Create token">
      <ErrorAlert>{errors.form}</ErrorAlert>
      <div className="token-fields">
        <TextField
          label="Token name"
          value={name}
          maxLength={100}
          autoComplete="off"
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label="Expires"
          value={expires}
          options={EXPIRIES}
          onChange={(event) => setExpires(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke(): void }) {
  return (
    <li className={token.revokedAt ? "admin-row revoked" : "admin-row"}>
      <div className="admin-row-main">
        <strong>{token.name}</strong>
        <code className="token-prefix">{token.prefix}…</code>
      </div>
      <dl className="token-times">
        <dt>Created</dt>
        <dd>
          <UtcTime iso={token.createdAt} />
        </dd>
        <dt>Last used</dt>
        <dd>{token.lastUsedAt ? <UtcTime iso={token.lastUsedAt} /> : "Never"}</dd>
        <dt>Expires</dt>
        <dd>{token.expiresAt ? <UtcTime iso={token.expiresAt} /> : "Never"}</dd>
        {token.revokedAt && (
          <>
            <dt>Revoked</dt>
            <dd>
              <UtcTime iso={token.revokedAt} />
            </dd>
          </>
        )}
      </dl>
      {!token.revokedAt && (
        <div className="actions">
          <button type="button" onClick={onRevoke}>
            Revoke<span className="visually-hidden"> {token.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

function RevokeConfirm({
  token,
  onCancel,
  onRevoked,
}: {
  token: ApiToken;
  onCancel(): void;
  onRevoked(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function revoke() {
    setBusy(true);
    setError(undefined);
    try {
      await revokeToken(token);
      await onRevoked();
    } catch (caught) {
      setBusy(false);
      setError(messageOf(caught));
    }
  }

  return (
    <div className="stack">
      <ErrorAlert>{error}</ErrorAlert>
      <p>
        Anything using <strong>{token.name}</strong> (<code>{token.prefix}…</code>) is refused from now on.
        This cannot be undone.
      </p>
      {/* Cancel first: the dialog focuses the first button, and the safe choice should be the default. */}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={revoke}>
          {busy ? "Revoking…" : "Revoke token"}
        </button>
      </div>
    </div>
  );
}
