import { lockPostmortem } from "../postmortems/postmortem.repository.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import {
  descendantIds,
  getWhyRowOrThrow,
  listWhyRows,
  resequence,
  siblingIds,
} from "./five-whys.repository.ts";

/**
 * Removes a why and every answer below it; action items made from them stay, unlinked.
 * With `expectedVersion`, a stale read changes nothing.
 */
export async function removeWhy(
  ctx: Ctx,
  incidentKey: string,
  id: number,
  expectedVersion?: number,
): Promise<void> {
  const nowIso = toUtcIso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const { postmortemId } = await getPostmortemRefOrThrow(trx, incidentKey);
    await lockPostmortem(trx, postmortemId);
    const row = await getWhyRowOrThrow(trx, postmortemId, id);
    assertVersion(`why ${id}`, row.version, expectedVersion);
    const below = descendantIds(await listWhyRows(trx, postmortemId), id);
    await trx
      .updateTable("actionItems")
      .set((eb) => ({ whyNodeId: null, version: eb("version", "+", 1), updatedAt: nowIso }))
      .where("whyNodeId", "in", [id, ...below])
      .execute();
    if (below.length > 0) await trx.deleteFrom("whyNodes").where("id", "in", below).execute();
    const deleted = await trx
      .deleteFrom("whyNodes")
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw staleWrite(`why ${id}`);
    await resequence(trx, await siblingIds(trx, postmortemId, row.parentId));
  });
}
