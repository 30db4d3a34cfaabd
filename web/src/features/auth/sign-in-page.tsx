import { Redirect, useLocation, useSearch } from "wouter";
import { useTitle } from "../../lib/use-title.ts";
import { SignInForm } from "./sign-in-form.tsx";
import { useSession } from "./session.tsx";

/** Only same-site paths may follow a sign-in, never another origin. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/incidents";
}

export function SignInPage() {
  useTitle("Sign in");
  const session = useSession();
  const [, navigate] = useLocation();
  const next = safeNext(useSearch());
  if (session.user) return <Redirect to={next} replace />;
  return (
    <main id="main" className="sign-in">
      <h1 id="sign-in-heading">Sign in to Hindsight</h1>
      <SignInForm signIn={session.signIn} onSignedIn={() => navigate(next, { replace: true })} />
    </main>
  );
}
