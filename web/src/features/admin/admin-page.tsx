import { Link } from "wouter";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import "./admin.css";
import { UsersSection } from "./users-section.tsx";

/**
 * /admin: users, their roles and API tokens. Your own tokens live on /account (one place for every
 * role), linked from here. Anyone below admin is told so (the nav hides the link).
 */
export function AdminPage() {
  useTitle("Admin");
  const session = useSession();
  const me = session.user;

  if (!me || !session.can("admin")) {
    return (
      <>
        <h1>Admin</h1>
        <p className="admin-denied">
          You need the admin role to manage users and tokens here. Ask an admin of your Hindsight to change
          your role.
        </p>
        <p>
          <Link href="/incidents">Back to incidents</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Admin</h1>
      <UsersSection me={me} />
      <p className="hint">
        Your own API tokens are on <Link href="/account">your account page</Link>.
      </p>
    </>
  );
}
