import { actorUserId, type Ctx } from "../shared/context.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion } from "../shared/version.ts";
import {
  getExternalVersionRowOrThrow,
  toExternalVersion,
  saveExternalVersionRow,
} from "./external-version.repository.ts";
import {
  ExternalFields,
  UpdateExternalVersionInput,
  type ExternalField,
  type ExternalVersion,
} from "./external-version.ts";
import { findingsOf, pruneDismissals } from "./redaction-flags.ts";

/**
 * Edits the customer-facing texts. A real change makes the editor its last editor and returns it to
 * draft (its approval is gone); a live publication keeps showing the approved text until the next publish.
 */
export async function updateExternalVersion(
  ctx: Ctx,
  incidentKey: string,
  raw: UpdateExternalVersionInput,
  expectedVersion?: number,
): Promise<ExternalVersion> {
  const input = parseInput(UpdateExternalVersionInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { incident, row, what } = await getExternalVersionRowOrThrow(trx, incidentKey);
    assertVersion(what, row.version, expectedVersion);
    const changes: Partial<Record<ExternalField, string>> = {};
    for (const field of ExternalFields) {
      const value = input[field];
      if (value !== undefined && value !== row[field]) changes[field] = value;
    }
    if (Object.keys(changes).length === 0) return toExternalVersion(trx, incident, row);

    const next = { ...row, ...changes };
    const updated = await saveExternalVersionRow(
      trx,
      row,
      what,
      {
        ...changes,
        status: "draft",
        approvedByUserId: null,
        approvedAt: null,
        lastEditedByUserId: actorUserId(ctx.actor),
      },
      nowIso,
    );
    await pruneDismissals(trx, row.id, await findingsOf(trx, next));
    return toExternalVersion(trx, incident, updated);
  });
}
