import { getIncidentRowOrThrow } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { actorName, actorUserId, type Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { AddTimelineEntryInput, assertOccurredAtNotInFuture, type TimelineEntry } from "./timeline-entry.ts";
import { toTimelineEntry, touchTimeline } from "./timeline.repository.ts";
import { reindexIncident } from "../search/index-incident.ts";

/**
 * Appends an entry to an incident's timeline, stamped with the current UTC time unless back-dated;
 * refuses times ahead of the server's clock.
 */
export async function addTimelineEntry(
  ctx: Ctx,
  incidentKey: string,
  raw: AddTimelineEntryInput,
): Promise<TimelineEntry> {
  const input = parseInput(AddTimelineEntryInput, raw);
  const now = ctx.clock.now();
  const nowIso = toUtcIso(now);
  const occurredAt = input.occurredAt ?? nowIso;
  assertOccurredAtNotInFuture(occurredAt, now);
  return ctx.db.transaction().execute(async (trx) => {
    const incident = await getIncidentRowOrThrow(trx, incidentKey);
    const row = await trx
      .insertInto("timelineEntries")
      .values({
        incidentId: incident.id,
        occurredAt,
        kind: input.kind,
        text: input.text,
        author: input.author ?? actorName(ctx.actor),
        authorUserId: actorUserId(ctx.actor),
        source: input.source,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchTimeline(trx, incident.id);
    await reindexIncident(trx, incident.id);
    return toTimelineEntry(row, formatIncidentKey(incident.number));
  });
}
