import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, isUnauthenticated, onUnauthenticated } from "../../api/client.ts";
import { roleAtLeast, type Role, type User } from "../../api/types.ts";

export interface Session {
  /** The signed-in user; `null` when signed out, `undefined` while the first check runs. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** Whether the signed-in user's role allows what `required` allows: show only what they may do. */
  can(required: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error("useSession needs a <SessionProvider> above it");
  return session;
}

/** Asks the server who is signed in (the session cookie is httpOnly) and keeps the answer. */
export function SessionProvider({
  children,
  initialUser,
}: {
  children: ReactNode;
  initialUser?: User | null;
}) {
  const [user, setUser] = useState<User | null | undefined>(initialUser);

  useEffect(() => {
    if (initialUser !== undefined) return;
    let active = true;
    api.get<User>("/api/v1/auth/me").then(
      (me) => active && setUser(me),
      (error: unknown) => {
        if (!active) return;
        // Any other failure also leaves the user at the sign-in page, which reports it on submit.
        if (!isUnauthenticated(error)) console.warn("could not check the session", error);
        setUser(null);
      },
    );
    return () => {
      active = false;
    };
  }, [initialUser]);

  useEffect(() => onUnauthenticated(() => setUser(null)), []);

  const signIn = useCallback(async (email: string, password: string) => {
    const signedIn = await api.post<User>("/api/v1/auth/sign-in", { email, password });
    setUser(signedIn);
    return signedIn;
  }, []);

  const signOut = useCallback(async () => {
    await api.post("/api/v1/auth/sign-out");
    setUser(null);
  }, []);

  const session = useMemo<Session>(
    () => ({ user, signIn, signOut, can: (required) => !!user && roleAtLeast(user.role, required) }),
    [user, signIn, signOut],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}
