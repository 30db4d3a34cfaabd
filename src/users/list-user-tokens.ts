import type { Ctx } from "../shared/context.ts";
import { listApiTokens } from "./api-tokens.ts";
import { getUserOrThrow } from "./user.repository.ts";
import type { ApiToken } from "./user.ts";

/** Lists one user's API tokens, revoked ones included, oldest first: names and prefixes, never a secret or hash. */
export async function listUserTokens(ctx: Ctx, userId: number): Promise<ApiToken[]> {
  return ctx.db.transaction().execute(async (trx) => {
    await getUserOrThrow(trx, userId);
    return listApiTokens(trx, userId);
  });
}
