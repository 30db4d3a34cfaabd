import type { Ctx } from "../shared/context.ts";
import { getExternalVersionOrThrow } from "./external-version.repository.ts";
import type { ExternalVersion } from "./external-version.ts";

/**
 * Reads an incident's customer-facing version with its redaction flags worked out from the text as it is
 * now (dismissed ones marked, with who and why); NOT_FOUND when none was started.
 */
export async function getExternalVersion(ctx: Ctx, incidentKey: string): Promise<ExternalVersion> {
  return ctx.db.transaction().execute((trx) => getExternalVersionOrThrow(trx, incidentKey));
}
