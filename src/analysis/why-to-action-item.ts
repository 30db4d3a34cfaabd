import { getActionItemOrThrow, insertActionItem } from "../actions/action-item.repository.ts";
import { lockPostmortem } from "../postmortems/postmortem.repository.ts";
import { CreateActionItemInput, type ActionItem } from "../actions/action-item.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getWhyRowOrThrow } from "./five-whys.repository.ts";
import { WhyToActionItemInput } from "./why-node.ts";
import { reindexPostmortem } from "../search/index-incident.ts";

/** Turns a leaf why into an action item linked to it (titled with its text by default); once per why. */
export async function turnWhyIntoActionItem(
  ctx: Ctx,
  incidentKey: string,
  nodeId: number,
  raw: WhyToActionItemInput,
): Promise<ActionItem> {
  const parsed = parseInput(WhyToActionItemInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { postmortemId } = await getPostmortemRefOrThrow(trx, incidentKey);
    await lockPostmortem(trx, postmortemId);
    const node = await getWhyRowOrThrow(trx, postmortemId, nodeId);
    const child = await trx
      .selectFrom("whyNodes")
      .select("id")
      .where("parentId", "=", nodeId)
      .executeTakeFirst();
    if (child) {
      throw new DomainError(
        "CONFLICT",
        `why ${nodeId} has answers below it; turn the deepest why into an action item instead`,
      );
    }
    const made = await trx
      .selectFrom("actionItems")
      .select("id")
      .where("whyNodeId", "=", nodeId)
      .executeTakeFirst();
    if (made) throw new DomainError("CONFLICT", `why ${nodeId} already became action item ${made.id}`);

    if (parsed.title === undefined && node.text.length > 300) {
      throw DomainError.validation("title", "is required: the why's text is longer than 300 characters");
    }
    const input = parseInput(CreateActionItemInput, { ...parsed, title: parsed.title ?? node.text });
    const id = await insertActionItem(trx, postmortemId, input, nowIso, nodeId);
    await reindexPostmortem(trx, postmortemId);
    await trx
      .updateTable("whyNodes")
      .set((eb) => ({ version: eb("version", "+", 1), updatedAt: nowIso }))
      .where("id", "=", nodeId)
      .execute();
    return getActionItemOrThrow(trx, ctx.clock, id);
  });
}
