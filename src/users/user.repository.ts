import type { Executor } from "../db/connect.ts";
import type { UserRow } from "../db/database.ts";
import { DomainError } from "../shared/errors.ts";
import type { User } from "./user.ts";

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function getUserByEmailOrThrow(db: Executor, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user) throw DomainError.notFound(`user ${email}`);
  return user;
}

export async function getUserOrThrow(db: Executor, id: number): Promise<UserRow> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!user) throw DomainError.notFound(`user ${id}`);
  return user;
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
