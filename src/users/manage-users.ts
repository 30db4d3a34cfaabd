import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { generatePassword, hashPassword } from "./password.ts";
import { findUserByEmail, getUserOrThrow, toUser } from "./user.repository.ts";
import { CreateUserInput, UpdateUserInput, type User } from "./user.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";

export interface CreatedUser {
  user: User;
  /** Set only when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
}

function duplicateEmail(email: string): DomainError {
  return new DomainError("CONFLICT", `a user with e-mail ${email} already exists`, [
    { path: "email", message: "is already taken" },
  ]);
}

/** Creates a user with a unique e-mail; generates a password when none is given. */
export async function createUser(ctx: Ctx, raw: CreateUserInput): Promise<CreatedUser> {
  const input = parseInput(CreateUserInput, raw);
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw duplicateEmail(input.email);
    const now = toUtcIso(ctx.clock.now());
    const row = await trx
      .insertInto("users")
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      // Covers a concurrent creator that passed the check above at the same moment.
      .onConflict((oc) => oc.column("email").doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw duplicateEmail(input.email);
    return { user: toUser(row), generatedPassword };
  });
}

/**
 * Changes a user's name, role or password; an admin can't demote the last admin. With
 * `expectedVersion`, a stale read changes nothing (PRECONDITION_FAILED).
 */
export async function updateUser(
  ctx: Ctx,
  id: number,
  raw: UpdateUserInput,
  expectedVersion?: number,
): Promise<User> {
  const input = parseInput(UpdateUserInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await getUserOrThrow(trx, id);
    assertVersion(`user ${id}`, existing.version, expectedVersion);
    if (existing.role === "admin" && input.role && input.role !== "admin") {
      // Lock the admin rows first, so two admins demoting each other at once can't both pass the count.
      await trx
        .updateTable("users")
        .set((eb) => ({ role: eb.ref("role") }))
        .where("role", "=", "admin")
        .execute();
      const admins = await trx
        .selectFrom("users")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("role", "=", "admin")
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) {
        throw new DomainError("CONFLICT", "the last admin cannot be demoted", [
          { path: "role", message: "at least one admin must remain" },
        ]);
      }
    }
    const row = await trx
      .updateTable("users")
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        version: existing.version + 1,
        updatedAt: toUtcIso(ctx.clock.now()),
      })
      .where("id", "=", id)
      .where("version", "=", existing.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw staleWrite(`user ${id}`);
    if (passwordHash) await trx.deleteFrom("sessions").where("userId", "=", id).execute();
    return toUser(row);
  });
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db.selectFrom("users").selectAll().orderBy("id").execute();
  return rows.map(toUser);
}
