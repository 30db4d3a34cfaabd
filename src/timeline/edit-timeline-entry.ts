import type { Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { assertOccurredAtNotInFuture, EditTimelineEntryInput, type TimelineEntry } from "./timeline-entry.ts";
import { getTimelineEntryRowOrThrow, toTimelineEntry, touchTimeline } from "./timeline.repository.ts";
import { reindexIncident } from "../search/index-incident.ts";

/**
 * Corrects an entry's time, kind, text or author; with `expectedVersion`, a stale read changes
 * nothing (PRECONDITION_FAILED).
 */
export async function editTimelineEntry(
  ctx: Ctx,
  incidentKey: string,
  id: number,
  raw: EditTimelineEntryInput,
  expectedVersion?: number,
): Promise<TimelineEntry> {
  const input = parseInput(EditTimelineEntryInput, raw);
  const now = ctx.clock.now();
  if (input.occurredAt !== undefined) assertOccurredAtNotInFuture(input.occurredAt, now);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, incidentKey: key } = await getTimelineEntryRowOrThrow(trx, incidentKey, id);
    const what = `timeline entry ${id} of incident ${key}`;
    assertVersion(what, row.version, expectedVersion);
    const updated = await trx
      .updateTable("timelineEntries")
      .set({
        ...(input.occurredAt !== undefined ? { occurredAt: input.occurredAt } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.author !== undefined ? { author: input.author } : {}),
        version: row.version + 1,
        updatedAt: toUtcIso(now),
      })
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw staleWrite(what);
    await touchTimeline(trx, updated.incidentId);
    await reindexIncident(trx, updated.incidentId);
    return toTimelineEntry(updated, key);
  });
}
