import type { Ctx } from "../shared/context.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { getTimelineEntryRowOrThrow, touchTimeline } from "./timeline.repository.ts";
import { reindexIncident } from "../search/index-incident.ts";

/** Removes an entry from an incident's timeline; with `expectedVersion`, a stale read removes nothing. */
export async function deleteTimelineEntry(
  ctx: Ctx,
  incidentKey: string,
  id: number,
  expectedVersion?: number,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, incidentKey: key } = await getTimelineEntryRowOrThrow(trx, incidentKey, id);
    const what = `timeline entry ${id} of incident ${key}`;
    assertVersion(what, row.version, expectedVersion);
    const deleted = await trx
      .deleteFrom("timelineEntries")
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw staleWrite(what);
    await touchTimeline(trx, row.incidentId);
    await reindexIncident(trx, row.incidentId);
  });
}
