import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import type { Postmortem } from "../postmortems/postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { reindexIncident } from "../search/index-incident.ts";

/**
 * Moves a draft post-mortem to in review; any other status is refused (CONFLICT) and, with
 * `expectedVersion`, so is a stale read (PRECONDITION_FAILED), changing nothing.
 */
export async function submitForReview(
  ctx: Ctx,
  incidentKey: string,
  expectedVersion?: number,
): Promise<Postmortem> {
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the post-mortem of ${ref.incidentKey}`;
    const current = await trx
      .selectFrom("postmortems")
      .select(["status", "version"])
      .where("id", "=", ref.postmortemId)
      .executeTakeFirstOrThrow();
    assertVersion(what, current.version, expectedVersion);
    if (current.status !== "draft") {
      throw new DomainError(
        "CONFLICT",
        `${what} is ${current.status.replace("_", " ")}: only a draft can be submitted for review`,
        [{ path: "status", message: `is ${current.status}, not draft` }],
      );
    }
    const updated = await trx
      .updateTable("postmortems")
      .set({ status: "in_review", version: current.version + 1, updatedAt: nowIso })
      .where("id", "=", ref.postmortemId)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);
    await reindexIncident(trx, ref.incidentId);
    return getPostmortemOrThrow(trx, ref.incidentKey, ctx.clock.now());
  });
}
