import { sql } from "kysely";
import type { Trx } from "../db/connect.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { recordEvent } from "../notify/events.ts";
import { lockPostmortem } from "../postmortems/postmortem.repository.ts";

interface ClosureState {
  status: "draft" | "in_review" | "published" | "closed";
  incidentKey: string;
  total: number;
  finished: number;
}

// The post-mortem's row lock comes first: two items finished at once in two transactions then count one
// after the other, so the second sees the first's change and the post-mortem closes exactly once.
async function closureState(trx: Trx, postmortemId: number): Promise<ClosureState> {
  await lockPostmortem(trx, postmortemId);
  const pm = await trx
    .selectFrom("postmortems")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select(["postmortems.status", "incidents.number"])
    .where("postmortems.id", "=", postmortemId)
    .executeTakeFirstOrThrow();
  const counts = await trx
    .selectFrom("actionItems")
    .select([
      (eb) => eb.fn.countAll<number | string>().as("total"),
      sql<number | string | null>`sum(case when status in ('done', 'wont_do') then 1 else 0 end)`.as(
        "finished",
      ),
    ])
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirstOrThrow();
  return {
    status: pm.status,
    incidentKey: formatIncidentKey(pm.number),
    total: Number(counts.total),
    finished: Number(counts.finished ?? 0),
  };
}

async function setStatus(
  trx: Trx,
  postmortemId: number,
  status: "published" | "closed",
  nowIso: string,
): Promise<void> {
  await trx
    .updateTable("postmortems")
    .set((eb) => ({
      status,
      closedAt: status === "closed" ? nowIso : null,
      version: eb(eb.ref("version"), "+", 1),
      updatedAt: nowIso,
    }))
    .where("id", "=", postmortemId)
    .execute();
}

const allFinished = (state: ClosureState) => state.total > 0 && state.finished === state.total;

async function close(trx: Trx, postmortemId: number, state: ClosureState, nowIso: string): Promise<void> {
  await setStatus(trx, postmortemId, "closed", nowIso);
  await recordEvent(trx, {
    kind: "postmortem.closed",
    subject: state.incidentKey,
    payload: { incidentKey: state.incidentKey, actionItems: state.total, closedAt: nowIso },
    occurredAt: nowIso,
  });
}

/**
 * Closes a published post-mortem whose action items (at least one) are all done or won't do, in the
 * caller's transaction, recording `postmortem.closed`; returns whether it closed it.
 */
export async function closeIfAllDone(trx: Trx, postmortemId: number, nowIso: string): Promise<boolean> {
  const state = await closureState(trx, postmortemId);
  if (state.status !== "published" || !allFinished(state)) return false;
  await close(trx, postmortemId, state, nowIso);
  return true;
}

/**
 * Moves a closed post-mortem back to published (closedAt cleared) when one of its action items is
 * to do again, in the caller's transaction; returns whether it reopened it.
 */
export async function reopenIfNeeded(trx: Trx, postmortemId: number, nowIso: string): Promise<boolean> {
  const state = await closureState(trx, postmortemId);
  if (state.status !== "closed" || allFinished(state)) return false;
  await setStatus(trx, postmortemId, "published", nowIso);
  return true;
}

/** After an action item was added or changed status: closes or reopens its post-mortem as its items say. */
export async function closeOrReopenPostmortem(trx: Trx, postmortemId: number, nowIso: string): Promise<void> {
  const state = await closureState(trx, postmortemId);
  if (state.status === "published" && allFinished(state)) await close(trx, postmortemId, state, nowIso);
  if (state.status === "closed" && !allFinished(state)) {
    await setStatus(trx, postmortemId, "published", nowIso);
  }
}
