import { useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { messageOf } from "../api/client.ts";
import { useSession } from "../features/auth/session.tsx";
import { ErrorAlert } from "./alert.tsx";

/** The frame of every signed-in page: skip link, site navigation, who is signed in, sign out. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | undefined>();

  async function signOut() {
    try {
      await session.signOut();
      navigate("/sign-in", { replace: true });
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/incidents" className="brand">
          Hindsight
        </Link>
        <nav aria-label="Main">
          <Link href="/incidents">Incidents</Link>
          <Link href="/action-items">Action items</Link>
          <Link href="/library">Library</Link>
          <Link href="/insights">Insights</Link>
          {session.can("admin") && <Link href="/admin">Admin</Link>}
        </nav>
        <div className="who">
          {session.user && (
            <Link href="/account">
              {session.user.name} <span className="role">({session.user.role})</span>
            </Link>
          )}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <ErrorAlert>{error}</ErrorAlert>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
