import type { Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import {
  assertConsistentTimes,
  assertForwardMove,
  assertNotClearingReachedTimes,
  stampStatusTimes,
} from "./incident-times.ts";
import { getIncidentOrThrow, getIncidentRowOrThrow, replaceLabels } from "./incident.repository.ts";
import { UpdateIncidentInput, type Incident } from "./incident.ts";
import { reindexIncident } from "../search/index-incident.ts";

/**
 * Edits an incident and moves its status forward, stamping mitigation and resolution times.
 * With `expectedVersion`, a stale read changes nothing (PRECONDITION_FAILED).
 */
export async function updateIncident(
  ctx: Ctx,
  key: string,
  raw: UpdateIncidentInput,
  expectedVersion?: number,
): Promise<Incident> {
  const input = parseInput(UpdateIncidentInput, raw);
  const now = ctx.clock.now();
  const nowIso = toUtcIso(now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await getIncidentRowOrThrow(trx, key);
    assertVersion(`incident ${key}`, row.version, expectedVersion);
    const status = input.status ?? row.status;
    assertForwardMove(row.status, status);
    assertNotClearingReachedTimes(status, input);
    const times = stampStatusTimes(
      {
        status,
        startedAt: input.startedAt ?? row.startedAt,
        detectedAt: input.detectedAt !== undefined ? input.detectedAt : row.detectedAt,
        mitigatedAt: input.mitigatedAt !== undefined ? input.mitigatedAt : row.mitigatedAt,
        resolvedAt: input.resolvedAt !== undefined ? input.resolvedAt : row.resolvedAt,
      },
      nowIso,
    );
    assertConsistentTimes(times, now);
    const updated = await trx
      .updateTable("incidents")
      .set({
        ...times,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.severity !== undefined ? { severity: input.severity } : {}),
        ...(input.impact !== undefined ? { impact: input.impact } : {}),
        ...(input.customerImpact !== undefined ? { customerImpact: input.customerImpact ? 1 : 0 } : {}),
        ...(input.dataLoss !== undefined ? { dataLoss: input.dataLoss ? 1 : 0 } : {}),
        ...(input.security !== undefined ? { security: input.security ? 1 : 0 } : {}),
        version: row.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(`incident ${key}`);
    if (input.services) await replaceLabels(trx, row.id, "service", input.services);
    if (input.tags) await replaceLabels(trx, row.id, "tag", input.tags);
    await reindexIncident(trx, row.id);
  });
  return getIncidentOrThrow(ctx.db, key);
}
