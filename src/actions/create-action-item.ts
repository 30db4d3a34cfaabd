import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getActionItemOrThrow, insertActionItem } from "./action-item.repository.ts";
import { CreateActionItemInput, type ActionItem } from "./action-item.ts";
import { reindexIncident } from "../search/index-incident.ts";

/** Adds an open action item at the end of the incident's post-mortem list. */
export async function createActionItem(
  ctx: Ctx,
  incidentKey: string,
  raw: CreateActionItemInput,
): Promise<ActionItem> {
  const input = parseInput(CreateActionItemInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { postmortemId, incidentId } = await getPostmortemRefOrThrow(trx, incidentKey);
    const id = await insertActionItem(trx, postmortemId, input, nowIso);
    await reindexIncident(trx, incidentId);
    return getActionItemOrThrow(trx, ctx.clock, id);
  });
}
