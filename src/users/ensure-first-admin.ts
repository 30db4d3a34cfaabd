import type { Ctx } from "../shared/context.ts";
import { isDomainError } from "../shared/errors.ts";
import { createUser, type CreatedUser } from "./manage-users.ts";
import { countUsers } from "./user.repository.ts";

/**
 * On an empty database, creates the first admin with a generated password and returns it (once);
 * returns null when users exist. Safe when several instances start together: one wins, the rest see null.
 */
export async function ensureFirstAdmin(ctx: Ctx, email: string): Promise<CreatedUser | null> {
  if ((await countUsers(ctx.db)) > 0) return null;
  try {
    return await createUser(ctx, { email, name: "Administrator", role: "admin" });
  } catch (error) {
    if (isDomainError(error) && error.code === "CONFLICT") return null;
    throw error;
  }
}
