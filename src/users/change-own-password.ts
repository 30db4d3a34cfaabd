import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { hashSecret } from "./secret.ts";
import { getUserOrThrow } from "./user.repository.ts";
import { ChangePasswordInput } from "./user.ts";

/**
 * Sets the signed-in user's password once their current one checks out; every other session of theirs ends
 * (a stolen one included), the one making the change stays signed in, and API tokens keep working.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  raw: ChangePasswordInput,
  keepSessionId?: string,
): Promise<void> {
  const input = parseInput(ChangePasswordInput, raw);
  if (ctx.actor.kind !== "user") throw new DomainError("FORBIDDEN", "only a signed-in user has a password");
  const userId = ctx.actor.userId;
  const user = await getUserOrThrow(ctx.db, userId);
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw DomainError.validation("currentPassword", "is not your current password");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    // Only over the password just checked: a change or reset that landed meanwhile is not overwritten.
    const changed = await trx
      .updateTable("users")
      .set((eb) => ({
        passwordHash,
        version: eb("version", "+", 1),
        updatedAt: toUtcIso(ctx.clock.now()),
      }))
      .where("id", "=", userId)
      .where("passwordHash", "=", user.passwordHash)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      throw new DomainError("CONFLICT", "your password was changed meanwhile; sign in again and retry", [
        { path: "currentPassword", message: "was changed meanwhile" },
      ]);
    }
    let others = trx.deleteFrom("sessions").where("userId", "=", userId);
    if (keepSessionId) others = others.where("idHash", "!=", hashSecret(keepSessionId));
    await others.execute();
  });
}
