import type { Trx } from "../db/connect.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { getPostmortemOrThrow } from "./postmortem.repository.ts";
import { UpdatePostmortemInput, type Postmortem } from "./postmortem.ts";
import { reindexIncident } from "../search/index-incident.ts";

async function replaceContributingFactors(trx: Trx, postmortemId: number, texts: string[]): Promise<void> {
  await trx.deleteFrom("contributingFactors").where("postmortemId", "=", postmortemId).execute();
  if (texts.length === 0) return;
  await trx
    .insertInto("contributingFactors")
    .values(texts.map((text, position) => ({ postmortemId, position, text })))
    .execute();
}

async function replaceLessons(
  trx: Trx,
  postmortemId: number,
  kind: "went_well" | "to_improve",
  texts: string[],
): Promise<void> {
  await trx.deleteFrom("lessons").where("postmortemId", "=", postmortemId).where("kind", "=", kind).execute();
  if (texts.length === 0) return;
  await trx
    .insertInto("lessons")
    .values(texts.map((text, position) => ({ postmortemId, kind, position, text })))
    .execute();
}

async function replaceAppendix(
  trx: Trx,
  postmortemId: number,
  links: { title: string; url: string }[],
): Promise<void> {
  await trx.deleteFrom("appendixLinks").where("postmortemId", "=", postmortemId).execute();
  if (links.length === 0) return;
  await trx
    .insertInto("appendixLinks")
    .values(links.map((link, position) => ({ postmortemId, position, title: link.title, url: link.url })))
    .execute();
}

/**
 * Edits the sections of an incident's post-mortem in one transaction; a list that is given replaces
 * the stored one, and the version goes up once. With `expectedVersion`, a stale read changes nothing.
 */
export async function updatePostmortem(
  ctx: Ctx,
  incidentKey: string,
  raw: UpdatePostmortemInput,
  expectedVersion?: number,
): Promise<Postmortem> {
  const input = parseInput(UpdatePostmortemInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the post-mortem of ${ref.incidentKey}`;
    const current = await trx
      .selectFrom("postmortems")
      .select("version")
      .where("id", "=", ref.postmortemId)
      .executeTakeFirstOrThrow();
    assertVersion(what, current.version, expectedVersion);
    const updated = await trx
      .updateTable("postmortems")
      .set({
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.rootCause !== undefined ? { rootCause: input.rootCause } : {}),
        ...(input.detection !== undefined ? { detection: input.detection } : {}),
        ...(input.resolution !== undefined ? { resolution: input.resolution } : {}),
        ...(input.required
          ? {
              requiredDecision: input.required.decision,
              requiredReason: input.required.decision === null ? null : (input.required.reason ?? null),
            }
          : {}),
        version: current.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", ref.postmortemId)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);

    if (input.contributingFactors) {
      await replaceContributingFactors(trx, ref.postmortemId, input.contributingFactors);
    }
    if (input.lessons?.wentWell)
      await replaceLessons(trx, ref.postmortemId, "went_well", input.lessons.wentWell);
    if (input.lessons?.toImprove) {
      await replaceLessons(trx, ref.postmortemId, "to_improve", input.lessons.toImprove);
    }
    if (input.appendix) await replaceAppendix(trx, ref.postmortemId, input.appendix);
    await reindexIncident(trx, ref.incidentId);
    return getPostmortemOrThrow(trx, ref.incidentKey, ctx.clock.now());
  });
}
