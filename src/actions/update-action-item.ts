import type { ActionItemRow } from "../db/database.ts";
import { closeOrReopenPostmortem } from "../process/close-postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { getActionItemOrThrow, getActionItemRowOrThrow, ownerKey } from "./action-item.repository.ts";
import { UpdateActionItemInput, type ActionItem, type ActionItemStatus } from "./action-item.ts";
import { reindexPostmortem } from "../search/index-incident.ts";

/** Moving to done stamps completion; wont_do keeps its reason; leaving either clears what it set. */
function statusFields(
  row: ActionItemRow,
  status: ActionItemStatus,
  reasonInput: string | null | undefined,
  nowIso: string,
): Pick<ActionItemRow, "completedAt" | "wontDoReason"> {
  const completedAt = status !== "done" ? null : row.status === "done" ? row.completedAt : nowIso;
  if (status !== "wont_do") {
    if (reasonInput) {
      throw DomainError.validation("wontDoReason", "can only be given when the status is wont_do");
    }
    return { completedAt, wontDoReason: null };
  }
  const reason = reasonInput !== undefined ? reasonInput : row.wontDoReason;
  if (!reason) {
    throw DomainError.validation("wontDoReason", "is required when the status is wont_do: say why");
  }
  return { completedAt, wontDoReason: reason };
}

/**
 * Edits an action item and moves its status; with `expectedVersion`, a stale read changes
 * nothing (PRECONDITION_FAILED).
 */
export async function updateActionItem(
  ctx: Ctx,
  id: number,
  raw: UpdateActionItemInput,
  expectedVersion?: number,
): Promise<ActionItem> {
  const input = parseInput(UpdateActionItemInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await getActionItemRowOrThrow(trx, id);
    assertVersion(`action item ${id}`, row.version, expectedVersion);
    const status = input.status ?? row.status;
    const updated = await trx
      .updateTable("actionItems")
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.owner !== undefined ? { owner: input.owner, ownerKey: ownerKey(input.owner) } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.externalUrl !== undefined ? { externalUrl: input.externalUrl } : {}),
        status,
        ...statusFields(row, status, input.wontDoReason, nowIso),
        version: row.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(`action item ${id}`);
    if (status !== row.status) await closeOrReopenPostmortem(trx, row.postmortemId, nowIso);
    await reindexPostmortem(trx, row.postmortemId);
    return getActionItemOrThrow(trx, ctx.clock, id);
  });
}
