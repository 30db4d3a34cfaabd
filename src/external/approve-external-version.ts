import type { Ctx } from "../shared/context.ts";
import { DomainError, type FieldError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { assertVersion } from "../shared/version.ts";
import {
  getExternalVersionRowOrThrow,
  toExternalVersion,
  saveExternalVersionRow,
} from "./external-version.repository.ts";
import { ExternalFields, type ExternalVersion } from "./external-version.ts";
import { flagsOf } from "./redaction-flags.ts";

/**
 * Approves the customer-facing text for publishing: only a person other than its author and its last
 * editor may, once every text is filled and no redaction flag is open; otherwise CONFLICT names each gap.
 */
export async function approveExternalVersion(
  ctx: Ctx,
  incidentKey: string,
  expectedVersion?: number,
): Promise<ExternalVersion> {
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { incident, row, what } = await getExternalVersionRowOrThrow(trx, incidentKey);
    assertVersion(what, row.version, expectedVersion);
    if (row.status !== "draft") {
      throw new DomainError("CONFLICT", `${what} is already ${row.status}`, [
        { path: "status", message: `is ${row.status}; only a draft can be approved` },
      ]);
    }

    const gaps: FieldError[] = [];
    const approver = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    if (approver === null) {
      gaps.push({ path: "approvedBy", message: "must be a signed-in person" });
    } else if (approver === row.authorUserId || approver === row.lastEditedByUserId) {
      gaps.push({
        path: "approvedBy",
        message: "must be approved by someone other than its author and its last editor",
      });
    }
    for (const field of ExternalFields) {
      if (row[field].trim() === "") gaps.push({ path: field, message: "is empty: customers need this part" });
    }
    const flags = await flagsOf(trx, row.id, row);
    flags.forEach((flag, i) => {
      if (flag.dismissed === null) {
        gaps.push({ path: `flags.${i}`, message: `${flag.field}: “${flag.match}”: ${flag.message}` });
      }
    });
    if (gaps.length > 0) {
      const detail = gaps.map((gap) => `${gap.path}: ${gap.message}`).join("; ");
      throw new DomainError("CONFLICT", `${what} cannot be approved yet: ${detail}`, gaps);
    }

    const updated = await saveExternalVersionRow(
      trx,
      row,
      what,
      {
        status: "approved",
        approvedByUserId: approver,
        approvedAt: nowIso,
      },
      nowIso,
    );
    return toExternalVersion(trx, incident, updated);
  });
}
