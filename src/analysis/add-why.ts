import { lockPostmortem } from "../actions/action-item.repository.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getWhyNodeOrThrow, siblingIds } from "./five-whys.repository.ts";
import { AddWhyInput, type WhyNode } from "./why-node.ts";

/** Adds an answer last under its parent why, or starts a new analysis when the parent is null. */
export async function addWhy(ctx: Ctx, incidentKey: string, raw: AddWhyInput): Promise<WhyNode> {
  const input = parseInput(AddWhyInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { postmortemId } = await getPostmortemRefOrThrow(trx, incidentKey);
    await lockPostmortem(trx, postmortemId);
    if (input.parentId !== null) {
      const parent = await trx
        .selectFrom("whyNodes")
        .select("id")
        .where("id", "=", input.parentId)
        .where("postmortemId", "=", postmortemId)
        .executeTakeFirst();
      if (!parent) throw DomainError.validation("parentId", "is not a why of this post-mortem");
    }
    const siblings = await siblingIds(trx, postmortemId, input.parentId);
    const { id } = await trx
      .insertInto("whyNodes")
      .values({
        postmortemId,
        parentId: input.parentId,
        position: siblings.length,
        text: input.text,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return getWhyNodeOrThrow(trx, postmortemId, id);
  });
}
