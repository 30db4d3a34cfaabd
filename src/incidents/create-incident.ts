import type { Trx } from "../db/connect.ts";
import { actorUserId, type Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertConsistentTimes, stampStatusTimes } from "./incident-times.ts";
import { getIncidentOrThrow, replaceLabels } from "./incident.repository.ts";
import { CreateIncidentInput, formatIncidentKey, type Incident } from "./incident.ts";
import { reindexIncident } from "../search/index-incident.ts";

/** Hands out the next incident number; the row lock taken by UPDATE serialises concurrent creators. */
async function nextIncidentNumber(trx: Trx): Promise<number> {
  await trx
    .insertInto("counters")
    .values({ name: "incident", value: 0 })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "incident")
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Opens an incident with the next free key (`INC-n`) and its draft post-mortem, in one transaction. */
export async function createIncident(ctx: Ctx, raw: CreateIncidentInput): Promise<Incident> {
  const input = parseInput(CreateIncidentInput, raw);
  const now = ctx.clock.now();
  const nowIso = toUtcIso(now);
  const times = stampStatusTimes(
    {
      status: input.status,
      startedAt: input.startedAt ?? nowIso,
      detectedAt: input.detectedAt ?? null,
      mitigatedAt: input.mitigatedAt ?? null,
      resolvedAt: input.resolvedAt ?? null,
    },
    nowIso,
  );
  assertConsistentTimes(times, now);

  const key = await ctx.db.transaction().execute(async (trx) => {
    const number = await nextIncidentNumber(trx);
    const { id } = await trx
      .insertInto("incidents")
      .values({
        number,
        title: input.title,
        severity: input.severity,
        ...times,
        impact: input.impact,
        customerImpact: input.customerImpact ? 1 : 0,
        dataLoss: input.dataLoss ? 1 : 0,
        security: input.security ? 1 : 0,
        source: input.source,
        createdBy: actorUserId(ctx.actor),
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceLabels(trx, id, "service", input.services);
    await replaceLabels(trx, id, "tag", input.tags);
    await trx
      .insertInto("postmortems")
      .values({ incidentId: id, status: "draft", createdAt: nowIso, updatedAt: nowIso })
      .execute();
    await reindexIncident(trx, id);
    return formatIncidentKey(number);
  });
  return getIncidentOrThrow(ctx.db, key);
}
