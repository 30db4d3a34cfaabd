import { useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";

export interface SignInFormProps {
  signIn(email: string, password: string): Promise<unknown>;
  onSignedIn(): void;
}

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return "That e-mail and password do not match an account.";
  if (error instanceof ApiError && error.status === 429)
    return "Too many attempts: wait a minute, then try again.";
  return messageOf(error);
}

/** E-mail and password; the error is announced and the typed e-mail is kept. */
export function SignInForm({ signIn, onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : "Enter your e-mail.",
      password: password ? undefined : "Enter your password.",
    };
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      setError("Enter your e-mail and password.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password);
      onSignedIn();
    } catch (caught) {
      setError(explain(caught));
      if (caught instanceof ApiError) {
        setFieldErrors({ email: caught.fieldError("email"), password: caught.fieldError("password") });
      }
      setPassword("");
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
      <ErrorAlert>{error}</ErrorAlert>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
