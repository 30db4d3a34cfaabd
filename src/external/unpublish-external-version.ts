import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { assertVersion } from "../shared/version.ts";
import {
  findPublicationRow,
  getExternalVersionRowOrThrow,
  toExternalVersion,
  saveExternalVersionRow,
} from "./external-version.repository.ts";
import type { ExternalVersion } from "./external-version.ts";

/**
 * Takes the customer-facing version off the public pages and the feed: its snapshot is deleted and it
 * becomes `unpublished` (still approved: it may be published again). CONFLICT when nothing is published.
 */
export async function unpublishExternalVersion(
  ctx: Ctx,
  incidentKey: string,
  expectedVersion?: number,
): Promise<ExternalVersion> {
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { incident, row, what } = await getExternalVersionRowOrThrow(trx, incidentKey);
    assertVersion(what, row.version, expectedVersion);
    const publication = await findPublicationRow(trx, row.id);
    if (!publication) {
      throw new DomainError("CONFLICT", `${what} is not published`, [
        { path: "status", message: `is ${row.status}; there is no publication to remove` },
      ]);
    }
    await trx.deleteFrom("externalPublications").where("id", "=", publication.id).execute();
    const updated = await saveExternalVersionRow(
      trx,
      row,
      what,
      {
        status: "unpublished",
      },
      nowIso,
    );
    return toExternalVersion(trx, incident, updated);
  });
}
