import type { Db, Executor } from "../db/connect.ts";
import type { Clock } from "../shared/clock.ts";
import type { Actor } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { hashSecret, newSecret } from "./secret.ts";
import { CreateTokenInput, type ApiToken } from "./user.ts";

const TOUCH_INTERVAL_MS = 60 * 1000;
/** Live (unrevoked) tokens one user may hold; past that, revoke an old one first. */
export const MAX_LIVE_TOKENS_PER_USER = 100;

export interface CreatedToken {
  token: ApiToken;
  /** The bearer secret: returned once, only its hash is stored. */
  secret: string;
}

/** Issues a bearer token for a user; the secret is returned once and stored only as a hash. */
export async function createApiToken(
  db: Db,
  clock: Clock,
  userId: number,
  raw: CreateTokenInput = {},
): Promise<CreatedToken> {
  const input = parseInput(CreateTokenInput, raw);
  const { live } = await db
    .selectFrom("apiTokens")
    .select((eb) => eb.fn.countAll().as("live"))
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(live) >= MAX_LIVE_TOKENS_PER_USER) {
    throw new DomainError(
      "CONFLICT",
      `a user holds at most ${MAX_LIVE_TOKENS_PER_USER} live tokens; revoke one first`,
    );
  }
  const secret = newSecret("hst");
  const now = clock.now();
  const row = await db
    .insertInto("apiTokens")
    .values({
      userId,
      name: input.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 10),
      createdAt: toUtcIso(now),
      lastUsedAt: null,
      expiresAt: input.expiresInDays
        ? toUtcIso(new Date(now.getTime() + input.expiresInDays * 86_400_000))
        : null,
      revokedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token: toApiToken(row), secret };
}

export async function listApiTokens(db: Db, userId: number): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom("apiTokens")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map(toApiToken);
}

/** Revokes one of the user's tokens (admins may revoke anyone's); revoking it again keeps the first time. */
export async function revokeApiToken(db: Db, clock: Clock, actor: Actor, id: number): Promise<void> {
  const row = await db.selectFrom("apiTokens").selectAll().where("id", "=", id).executeTakeFirst();
  const mayRevoke = actor.kind !== "user" || actor.role === "admin" || row?.userId === actor.userId;
  if (!row || !mayRevoke) throw DomainError.notFound(`token ${id}`);
  await markTokenRevoked(db, clock, id);
}

/** Stamps a token revoked now, unless it already is: the first revocation time is the one kept. */
export async function markTokenRevoked(db: Executor, clock: Clock, id: number): Promise<void> {
  await db
    .updateTable("apiTokens")
    .set({ revokedAt: toUtcIso(clock.now()) })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .execute();
}

/** The user behind a live bearer token, or undefined when unknown, revoked or expired. */
export async function findTokenActor(db: Db, clock: Clock, secret: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom("apiTokens")
    .innerJoin("users", "users.id", "apiTokens.userId")
    .select([
      "apiTokens.id as tokenId",
      "apiTokens.expiresAt",
      "apiTokens.revokedAt",
      "apiTokens.lastUsedAt",
      "users.id",
      "users.name",
      "users.email",
      "users.role",
    ])
    .where("apiTokens.tokenHash", "=", hashSecret(secret))
    .executeTakeFirst();
  const now = clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= toUtcIso(now))) return undefined;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable("apiTokens")
      .set({ lastUsedAt: toUtcIso(now) })
      .where("id", "=", row.tokenId)
      .execute();
  }
  return { kind: "user", userId: row.id, name: row.name, email: row.email, role: row.role };
}

function toApiToken(row: {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}
