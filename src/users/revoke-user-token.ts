import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";

/**
 * Revokes one of a given user's API tokens, so it authenticates nothing from now on; NOT_FOUND when the
 * token is not that user's. Revoking a revoked token again keeps the first revocation time.
 */
export async function revokeUserToken(ctx: Ctx, userId: number, tokenId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom("apiTokens")
      .select(["id", "revokedAt"])
      .where("id", "=", tokenId)
      .where("userId", "=", userId)
      .executeTakeFirst();
    if (!token) throw DomainError.notFound(`token ${tokenId} of user ${userId}`);
    if (token.revokedAt) return;
    await trx
      .updateTable("apiTokens")
      .set({ revokedAt: toUtcIso(ctx.clock.now()) })
      .where("id", "=", tokenId)
      .where("revokedAt", "is", null)
      .execute();
  });
}
