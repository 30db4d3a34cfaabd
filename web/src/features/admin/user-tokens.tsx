import { useId, useRef, useState } from "react";
import { messageOf } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { listUserTokens, revokeUserToken } from "../account/account.api.ts";
import { TokenList } from "../account/token-list.tsx";

/** "Tokens" on a user's row: shows that user's API tokens below it, each revocable after confirming. */
export function UserTokens({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="user-tokens">
      <div className="actions">
        <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? "Hide tokens" : "Tokens"}
          <span className="visually-hidden"> of {user.name}</span>
        </button>
      </div>
      <div id={panelId} hidden={!open}>
        {open && <UserTokensPanel user={user} />}
      </div>
    </div>
  );
}

function UserTokensPanel({ user }: { user: User }) {
  const tokens = useResource((signal) => listUserTokens(user.id, signal), [user.id]);
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const label = `API tokens of ${user.name}`;

  return (
    <div className="user-tokens-panel">
      <h3 ref={heading} tabIndex={-1}>
        {label}
      </h3>
      <StatusLine>{status}</StatusLine>
      <ErrorAlert>
        {tokens.error ? `Could not load the tokens: ${messageOf(tokens.error)}` : undefined}
      </ErrorAlert>
      {tokens.loading && !tokens.data ? (
        <p className="loading">Loading tokens…</p>
      ) : tokens.data?.length === 0 ? (
        <p className="empty">{user.name} has no API tokens.</p>
      ) : (
        <TokenList
          tokens={tokens.data ?? []}
          label={label}
          revoke={(token) => revokeUserToken(user.id, token)}
          onRevoked={async (token) => {
            setStatus(`Revoked ${token.name} of ${user.name}.`);
            await tokens.reload();
            heading.current?.focus();
          }}
        />
      )}
    </div>
  );
}
