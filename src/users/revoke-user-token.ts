import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { markTokenRevoked } from "./api-tokens.ts";

/**
 * Revokes one of a given user's API tokens, so it authenticates nothing from now on; NOT_FOUND when the
 * token is not that user's. Revoking a revoked token again keeps the first revocation time.
 */
export async function revokeUserToken(ctx: Ctx, userId: number, tokenId: number): Promise<void> {
  const token = await ctx.db
    .selectFrom("apiTokens")
    .select("id")
    .where("id", "=", tokenId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!token) throw DomainError.notFound(`token ${tokenId} of user ${userId}`);
  await markTokenRevoked(ctx.db, ctx.clock, tokenId);
}
