import { lockPostmortem } from "../postmortems/postmortem.repository.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getWhyNodeOrThrow, siblingIds } from "./five-whys.repository.ts";
import { AddWhyInput, type WhyNode } from "./why-node.ts";

// Far beyond any real analysis; keeps one post-mortem's tree (read whole, walked in memory) bounded.
export const MAX_WHYS_PER_POSTMORTEM = 500;

/** Adds an answer last under its parent why, or starts a new analysis when the parent is null. */
export async function addWhy(ctx: Ctx, incidentKey: string, raw: AddWhyInput): Promise<WhyNode> {
  const input = parseInput(AddWhyInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { postmortemId } = await getPostmortemRefOrThrow(trx, incidentKey);
    await lockPostmortem(trx, postmortemId);
    const { count } = await trx
      .selectFrom("whyNodes")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("postmortemId", "=", postmortemId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_WHYS_PER_POSTMORTEM) {
      throw new DomainError("CONFLICT", `a post-mortem holds at most ${MAX_WHYS_PER_POSTMORTEM} whys`);
    }
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
