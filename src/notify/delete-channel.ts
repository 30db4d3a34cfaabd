import type { Ctx } from "../shared/context.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { getChannelRowOrThrow } from "./channel.repository.ts";

/**
 * Removes a channel; its deliveries stay for the record, and those not yet sent fail with a note
 * instead of going to a target nobody configures any more.
 */
export async function deleteChannel(ctx: Ctx, id: number, expectedVersion?: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await getChannelRowOrThrow(trx, id);
    const what = `notification channel ${id}`;
    assertVersion(what, row.version, expectedVersion);
    await trx
      .updateTable("deliveries")
      .set({ status: "failed", lockedUntil: null, lastError: `the channel "${row.name}" was deleted` })
      .where("channelId", "=", id)
      .where("status", "in", ["pending", "sending"])
      .execute();
    const deleted = await trx
      .deleteFrom("notificationChannels")
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw staleWrite(what);
  });
}
