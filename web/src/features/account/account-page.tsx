import { useTitle } from "../../lib/use-title.ts";
import type { Role } from "../../api/types.ts";
import { useSession } from "../auth/session.tsx";
import "./account.css";
import { PasswordSection } from "./password-section.tsx";
import { TokensSection } from "./tokens-section.tsx";

const ROLE_MEANINGS: Record<Role, { label: string; meaning: string }> = {
  viewer: { label: "Viewer", meaning: "Reads every incident, post-mortem and action item." },
  editor: {
    label: "Editor",
    meaning: "Reads everything, and declares and writes incidents and post-mortems.",
  },
  admin: { label: "Admin", meaning: "Does what an editor does, and manages users and their tokens." },
};

/** /account: who you are (name, e-mail, role), your password and your own API tokens, for every role. */
export function AccountPage() {
  useTitle("Your account");
  const me = useSession().user;

  return (
    <>
      <h1>Your account</h1>
      {me && (
        <section aria-label="Who you are" className="account-section">
          <dl className="account-profile">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>E-mail</dt>
            <dd className="account-email">{me.email}</dd>
            <dt>Role</dt>
            <dd>
              <span>{ROLE_MEANINGS[me.role].label}</span>
              <span className="hint">{ROLE_MEANINGS[me.role].meaning}</span>
            </dd>
          </dl>
        </section>
      )}
      <PasswordSection />
      <TokensSection />
    </>
  );
}
