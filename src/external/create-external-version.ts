import type { IncidentRow } from "../db/database.ts";
import { getIncidentRowOrThrow } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { actorUserId, type Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { findExternalVersionRow, toExternalVersion } from "./external-version.repository.ts";
import { CreateExternalVersionInput, type ExternalVersion } from "./external-version.ts";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** 42 → "about 42 minutes", 125 → "about 2 hours 5 minutes", 3000 → "about 2 days", as customers read it. */
export function describeDuration(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m < 60) return `about ${plural(m, "minute")}`;
  if (m < 48 * 60) {
    const hours = Math.floor(m / 60);
    const rest = m % 60;
    return `about ${plural(hours, "hour")}${rest ? ` ${plural(rest, "minute")}` : ""}`;
  }
  return `about ${plural(Math.round(m / (24 * 60)), "day")}`;
}

/** How long customers were affected: start to mitigation (or resolution); blank while it lasts. */
function incidentDuration(incident: IncidentRow): string {
  const end = incident.mitigatedAt ?? incident.resolvedAt;
  if (!end) return "";
  return describeDuration((Date.parse(end) - Date.parse(incident.startedAt)) / 60_000);
}

/** Assertion that external text is written only for incidents customers noticed. */
export function assertCustomerImpact(incident: IncidentRow): void {
  if (incident.customerImpact !== 1) {
    throw new DomainError(
      "CONFLICT",
      `${formatIncidentKey(incident.number)} did not affect customers, so it gets no external version`,
      [{ path: "customerImpact", message: "is false: mark the incident as customer-impacting first" }],
    );
  }
}

/**
 * Starts the customer-facing version of a customer-impacting incident: blank apart from the texts given
 * and the duration worked out from the incident's times; it never copies internal text.
 */
export async function createExternalVersion(
  ctx: Ctx,
  incidentKey: string,
  raw: CreateExternalVersionInput = {},
): Promise<ExternalVersion> {
  const input = parseInput(CreateExternalVersionInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  const userId = actorUserId(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const incident = await getIncidentRowOrThrow(trx, incidentKey);
    assertCustomerImpact(incident);
    const inserted = await trx
      .insertInto("externalVersions")
      .values({
        incidentId: incident.id,
        title: input.title ?? "",
        summary: input.summary ?? "",
        impact: input.impact ?? "",
        duration: input.duration ?? incidentDuration(incident),
        changes: input.changes ?? "",
        status: "draft",
        authorUserId: userId,
        lastEditedByUserId: userId,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .onConflict((oc) => oc.column("incidentId").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      throw new DomainError(
        "CONFLICT",
        `${formatIncidentKey(incident.number)} already has an external version: read and edit that one`,
      );
    }
    const row = await findExternalVersionRow(trx, incident.id);
    return toExternalVersion(trx, incident, row!);
  });
}
