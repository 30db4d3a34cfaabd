import { lockPostmortem } from "../postmortems/postmortem.repository.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import {
  descendantIds,
  getWhyNodeOrThrow,
  getWhyRowOrThrow,
  listWhyRows,
  resequence,
  siblingIds,
} from "./five-whys.repository.ts";
import { EditWhyInput, type WhyNode } from "./why-node.ts";

/**
 * Rewords a why and moves it (with its answers) within the same post-mortem, keeping sibling
 * positions 0..n-1 and the tree free of cycles; with `expectedVersion`, a stale read changes nothing.
 */
export async function editWhy(
  ctx: Ctx,
  incidentKey: string,
  id: number,
  raw: EditWhyInput,
  expectedVersion?: number,
): Promise<WhyNode> {
  const input = parseInput(EditWhyInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { postmortemId } = await getPostmortemRefOrThrow(trx, incidentKey);
    await lockPostmortem(trx, postmortemId);
    const row = await getWhyRowOrThrow(trx, postmortemId, id);
    assertVersion(`why ${id}`, row.version, expectedVersion);
    const parentId = input.parentId !== undefined ? input.parentId : row.parentId;
    const moving = parentId !== row.parentId;
    if (moving && parentId !== null) {
      if (parentId === id) throw DomainError.validation("parentId", "must not be the why itself");
      const rows = await listWhyRows(trx, postmortemId);
      if (!rows.some((r) => r.id === parentId)) {
        throw DomainError.validation("parentId", "is not a why of this post-mortem");
      }
      if (descendantIds(rows, id).includes(parentId)) {
        throw new DomainError("CONFLICT", `why ${parentId} is one of the answers below why ${id}`, [
          { path: "parentId", message: "must not be one of the why's own answers" },
        ]);
      }
    }

    const oldSiblings = (await siblingIds(trx, postmortemId, row.parentId)).filter((s) => s !== id);
    const newSiblings = moving ? await siblingIds(trx, postmortemId, parentId) : oldSiblings;
    const position = input.position ?? (moving ? newSiblings.length : row.position);
    if (position > newSiblings.length) {
      throw DomainError.validation("position", `must be at most ${newSiblings.length}`);
    }

    const updated = await trx
      .updateTable("whyNodes")
      .set({
        ...(input.text !== undefined ? { text: input.text } : {}),
        parentId,
        version: row.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(`why ${id}`);
    if (moving) await resequence(trx, oldSiblings);
    await resequence(trx, newSiblings.toSpliced(position, 0, id));
    return getWhyNodeOrThrow(trx, postmortemId, id);
  });
}
