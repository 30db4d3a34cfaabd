import type { Executor, Trx } from "../db/connect.ts";
import type { WhyNodeRow } from "../db/database.ts";
import { DomainError } from "../shared/errors.ts";
import type { WhyNode } from "./why-node.ts";

export async function listWhyRows(db: Executor, postmortemId: number): Promise<WhyNodeRow[]> {
  return db
    .selectFrom("whyNodes")
    .selectAll()
    .where("postmortemId", "=", postmortemId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** A why of this post-mortem; one of another post-mortem is as good as missing. */
export async function getWhyRowOrThrow(db: Executor, postmortemId: number, id: number): Promise<WhyNodeRow> {
  const row = await db
    .selectFrom("whyNodes")
    .selectAll()
    .where("id", "=", id)
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirst();
  if (!row) throw DomainError.notFound(`why ${id}`);
  return row;
}

/** Ids of the whys below `id` (answers, their answers, …), not including `id` itself. */
export function descendantIds(rows: readonly WhyNodeRow[], id: number): number[] {
  const found: number[] = [];
  let frontier = [id];
  while (frontier.length > 0) {
    const next = rows.filter((r) => r.parentId !== null && frontier.includes(r.parentId)).map((r) => r.id);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** Siblings under `parentId` (null: the roots) in their order. */
export async function siblingIds(trx: Trx, postmortemId: number, parentId: number | null): Promise<number[]> {
  const rows = await trx
    .selectFrom("whyNodes")
    .select("id")
    .where("postmortemId", "=", postmortemId)
    .where("parentId", parentId === null ? "is" : "=", parentId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Numbers the given whys 0..n-1 in the given order, writing only positions that change. */
export async function resequence(trx: Trx, orderedIds: readonly number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await trx
      .updateTable("whyNodes")
      .set({ position })
      .where("id", "=", id)
      .where("position", "!=", position)
      .execute();
  }
}

/** Every analysis of the post-mortem: its roots in order, each with its answers nested. */
export async function getWhyForest(db: Executor, postmortemId: number): Promise<WhyNode[]> {
  const rows = await listWhyRows(db, postmortemId);
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom("actionItems")
          .select(["id", "whyNodeId"])
          .where(
            "whyNodeId",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("id", "desc")
          .execute();
  const actionItemOf = new Map(links.map((l) => [l.whyNodeId, l.id]));
  const nodes = new Map<number, WhyNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parentId,
        position: r.position,
        text: r.text,
        actionItemId: actionItemOf.get(r.id) ?? null,
        version: r.version,
        children: [],
      },
    ]),
  );
  const roots: WhyNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** One why with everything below it. */
export async function getWhyNodeOrThrow(db: Executor, postmortemId: number, id: number): Promise<WhyNode> {
  const find = (nodes: WhyNode[]): WhyNode | undefined => {
    for (const node of nodes) {
      const hit = node.id === id ? node : find(node.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const node = find(await getWhyForest(db, postmortemId));
  if (!node) throw DomainError.notFound(`why ${id}`);
  return node;
}
