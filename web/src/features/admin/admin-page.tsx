import { Link } from "wouter";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import "./admin.css";
import { TokensSection } from "./tokens-section.tsx";
import { UsersSection } from "./users-section.tsx";

/** /admin: users and roles, API tokens. Anyone below admin is told so (the nav hides the link). */
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
      <TokensSection />
    </>
  );
}
