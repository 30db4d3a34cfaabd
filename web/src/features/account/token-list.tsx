import { useState } from "react";
import { messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import type { ApiToken } from "./account.api.ts";
import "./account.css";

export interface TokenListProps {
  tokens: ApiToken[];
  /** The list's accessible name: "API tokens", "API tokens of Ed Editor". */
  label: string;
  /** The server call that revokes one token. */
  revoke(token: ApiToken): Promise<unknown>;
  /** After a revocation: reload, say so, and move the keyboard somewhere sensible (its button is gone). */
  onRevoked(token: ApiToken): Promise<void> | void;
}

/** API tokens by name and prefix with their times; "Revoke" asks before anything is refused. */
export function TokenList({ tokens, label, revoke, onRevoked }: TokenListProps) {
  const [revoking, setRevoking] = useState<ApiToken | undefined>();
  return (
    <>
      <ul className="card-list" aria-label={label}>
        {tokens.map((token) => (
          <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
        ))}
      </ul>
      <Dialog title="Revoke token?" open={revoking !== undefined} onClose={() => setRevoking(undefined)}>
        {revoking && (
          <RevokeConfirm
            token={revoking}
            revoke={revoke}
            onCancel={() => setRevoking(undefined)}
            onRevoked={async () => {
              setRevoking(undefined);
              await onRevoked(revoking);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke(): void }) {
  return (
    <li className={token.revokedAt ? "card-row revoked" : "card-row"}>
      <div className="card-row-main">
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
  revoke,
  onCancel,
  onRevoked,
}: {
  token: ApiToken;
  revoke(token: ApiToken): Promise<unknown>;
  onCancel(): void;
  onRevoked(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await revoke(token);
    } catch (caught) {
      setBusy(false);
      setError(messageOf(caught));
      return;
    }
    await onRevoked();
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
        <button type="button" className="danger" disabled={busy} onClick={confirm}>
          {busy ? "Revoking…" : "Revoke token"}
        </button>
      </div>
    </div>
  );
}
