import { z } from "zod";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { actorName, actorUserId, type Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { ChecklistItemKey, checklistItem } from "./checklist.ts";
import { getPostmortemOrThrow } from "./postmortem.repository.ts";
import type { Postmortem } from "./postmortem.ts";

const ChecklistItemInput = z.strictObject({ item: ChecklistItemKey });

function parseItem(item: string): ChecklistItemKey {
  return parseInput(ChecklistItemInput, { item }).item;
}

// Ticks are a set, not text two people could overwrite, so they leave the post-mortem's version alone.

/** Ticks a checklist item, recording who and when; ticking an item again keeps the first tick. */
export async function tickChecklistItem(ctx: Ctx, incidentKey: string, item: string): Promise<Postmortem> {
  const key = parseItem(item);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    await trx
      .insertInto("checklistTicks")
      .values({
        postmortemId: ref.postmortemId,
        itemKey: key,
        phase: checklistItem(key).phase,
        tickedBy: actorName(ctx.actor),
        tickedByUserId: actorUserId(ctx.actor),
        tickedAt: nowIso,
      })
      .onConflict((oc) => oc.columns(["postmortemId", "itemKey"]).doNothing())
      .execute();
    return getPostmortemOrThrow(trx, ref.incidentKey, ctx.clock.now());
  });
}

/** Clears a checklist item's tick; clearing an unticked item is not an error. */
export async function untickChecklistItem(ctx: Ctx, incidentKey: string, item: string): Promise<Postmortem> {
  const key = parseItem(item);
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    await trx
      .deleteFrom("checklistTicks")
      .where("postmortemId", "=", ref.postmortemId)
      .where("itemKey", "=", key)
      .execute();
    return getPostmortemOrThrow(trx, ref.incidentKey, ctx.clock.now());
  });
}
