import { useId, useRef, useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { createToken, listMyTokens, revokeToken, type CreatedToken } from "./account.api.ts";
import { asSentence } from "../../lib/as-sentence.ts";
import { SecretDialog } from "./secret-dialog.tsx";
import { TokenList } from "./token-list.tsx";

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
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby={headingId} className="account-section">
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
          setStatus("");
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
        <TokenList
          tokens={tokens.data ?? []}
          label="API tokens"
          revoke={revokeToken}
          onRevoked={async (token) => {
            setStatus(`Revoked ${token.name}.`);
            await tokens.reload();
            // Its Revoke button is gone: keep the keyboard in this section rather than at the page's top.
            heading.current?.focus();
          }}
        />
      )}
      {/* The secret lives only in this state while the dialog is open; Done or Escape drops it. */}
      <SecretDialog
        title="Your new API token"
        label="Token"
        intro="Put it where your script or integration keeps its secrets."
        secret={secret}
        onClose={() => setSecret(undefined)}
      />
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
