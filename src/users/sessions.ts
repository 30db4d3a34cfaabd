import type { Db } from "../db/connect.ts";
import type { Clock } from "../shared/clock.ts";
import type { Actor } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { verifyPassword } from "./password.ts";
import { hashSecret, newSecret } from "./secret.ts";
import { findUserByEmail, toUser } from "./user.repository.ts";
import type { SignInInput, User } from "./user.ts";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
// Touching last_seen_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60 * 1000;
// A fixed hash to verify against when the e-mail is unknown, so timing doesn't reveal which e-mails exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export interface SignedIn {
  user: User;
  sessionId: string;
  expiresAt: string;
}

/** Checks e-mail and password and opens a session; the same error whichever of the two is wrong. */
export async function signIn(
  db: Db,
  clock: Clock,
  input: SignInInput & { email: string },
): Promise<SignedIn> {
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) {
    throw new DomainError("UNAUTHENTICATED", "e-mail or password is wrong");
  }
  const sessionId = newSecret("hss");
  const now = clock.now();
  const expiresAt = toUtcIso(new Date(now.getTime() + SESSION_TTL_MS));
  await db
    .insertInto("sessions")
    .values({
      idHash: hashSecret(sessionId),
      userId: user.id,
      createdAt: toUtcIso(now),
      expiresAt,
      lastSeenAt: toUtcIso(now),
    })
    .execute();
  return { user: toUser(user), sessionId, expiresAt };
}

export async function signOut(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("idHash", "=", hashSecret(sessionId)).execute();
}

/** The user behind a live session, or undefined when it is unknown or expired. */
export async function findSessionActor(db: Db, clock: Clock, sessionId: string): Promise<Actor | undefined> {
  const idHash = hashSecret(sessionId);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "sessions.expiresAt",
      "sessions.lastSeenAt",
    ])
    .where("sessions.idHash", "=", idHash)
    .executeTakeFirst();
  const now = clock.now();
  if (!row || row.expiresAt <= toUtcIso(now)) return undefined;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable("sessions")
      .set({ lastSeenAt: toUtcIso(now) })
      .where("idHash", "=", idHash)
      .execute();
  }
  return { kind: "user", userId: row.id, name: row.name, email: row.email, role: row.role };
}
