import { actorName, type Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion } from "../shared/version.ts";
import {
  getExternalVersionRowOrThrow,
  toExternalVersion,
  saveExternalVersionRow,
} from "./external-version.repository.ts";
import { DismissRedactionFlagInput, type ExternalVersion } from "./external-version.ts";
import { flagsOf } from "./redaction-flags.ts";

/**
 * Records that an open redaction flag is safe to show customers, with who said so and why; it stays
 * dismissed while the flagged text stays. Naming a flag that is not open is a VALIDATION error on `match`.
 */
export async function dismissRedactionFlag(
  ctx: Ctx,
  incidentKey: string,
  raw: DismissRedactionFlagInput,
  expectedVersion?: number,
): Promise<ExternalVersion> {
  const input = parseInput(DismissRedactionFlagInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { incident, row, what } = await getExternalVersionRowOrThrow(trx, incidentKey);
    assertVersion(what, row.version, expectedVersion);
    const flags = await flagsOf(trx, row.id, row);
    const open = flags.find(
      (f) =>
        f.dismissed === null && f.field === input.field && f.kind === input.kind && f.match === input.match,
    );
    if (!open) {
      throw DomainError.validation(
        "match",
        `is not an open ${input.kind} flag in ${input.field}; read the version again for its current flags`,
      );
    }
    await trx
      .insertInto("redactionDismissals")
      .values({
        externalVersionId: row.id,
        field: input.field,
        kind: input.kind,
        match: input.match,
        reason: input.reason,
        dismissedBy: actorName(ctx.actor),
        dismissedAt: nowIso,
      })
      .execute();
    const updated = await saveExternalVersionRow(trx, row, what, {}, nowIso);
    return toExternalVersion(trx, incident, updated);
  });
}
