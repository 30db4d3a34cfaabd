import { z } from "zod";
import type { Trx } from "../db/connect.ts";
import type { PostmortemRow } from "../db/database.ts";
import { getPostmortemRefOrThrow, type PostmortemRef } from "../incidents/incident.repository.ts";
import { recordEvent } from "../notify/events.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import type { Postmortem } from "../postmortems/postmortem.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { DomainError, type FieldError } from "../shared/errors.ts";
import { isInFuture, toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { closeIfAllDone } from "./close-postmortem.ts";
import { reindexIncident } from "../search/index-incident.ts";

const Reason = z.string().trim().min(1, "must not be empty").max(2_000);

export const PublishPostmortemInput = z.strictObject({
  override: z
    .strictObject({ reason: Reason })
    .optional()
    .meta({ description: "Admins only: publish although no review meeting with attendees was held" }),
  noActionItemsReason: Reason.optional().meta({
    description: "Why this post-mortem needs no action items; required when it has none",
  }),
});
export type PublishPostmortemInput = z.input<typeof PublishPostmortemInput>;

const PUBLISHABLE: readonly PostmortemRow["status"][] = ["draft", "in_review"];

const SECTIONS = [
  ["rootCause", "say what made the failure possible"],
  ["detection", "say how the problem was noticed and how long that took"],
  ["resolution", "say what brought the service back"],
] as const;

function mayOverride(actor: Actor): boolean {
  return actor.kind === "cli" || (actor.kind === "user" && actor.role === "admin");
}

/** Why the review meeting does not count as held, or null when it does. */
async function missingMeeting(trx: Trx, postmortemId: number, now: Date): Promise<string | null> {
  const meeting = await trx
    .selectFrom("meetings")
    .select("heldAt")
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirst();
  const attendees = await trx
    .selectFrom("meetingAttendees")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirstOrThrow();
  const fix = "record when it took place and who attended, or an admin may publish with an override reason";
  if (!meeting?.heldAt) return `no review meeting was held (no-meeting): ${fix}`;
  if (isInFuture(meeting.heldAt, now)) {
    return `no review meeting was held yet (no-meeting): its heldAt ${meeting.heldAt} is in the future`;
  }
  if (Number(attendees.count) === 0) {
    return `no review meeting was held with anyone (no-meeting): it lists no attendees; ${fix}`;
  }
  return null;
}

async function countActionItems(trx: Trx, postmortemId: number): Promise<number> {
  const row = await trx
    .selectFrom("actionItems")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function announce(trx: Trx, ref: PostmortemRef, payload: Record<string, unknown>, nowIso: string) {
  const incident = await trx
    .selectFrom("incidents")
    .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
    .select(["incidents.title", "incidents.severity", "postmortems.summary"])
    .where("incidents.id", "=", ref.incidentId)
    .executeTakeFirstOrThrow();
  await recordEvent(trx, {
    kind: "postmortem.published",
    subject: ref.incidentKey,
    payload: { incidentKey: ref.incidentKey, ...incident, publishedAt: nowIso, ...payload },
    occurredAt: nowIso,
  });
}

/**
 * Publishes a draft or in-review post-mortem once its review meeting was held with attendees (or an
 * admin overrides that, with a reason) and root cause, detection, resolution and action items (or a
 * reason for none) are filled; otherwise CONFLICT names each gap and nothing changes. A post-mortem
 * whose action items are all finished closes at once.
 */
export async function publishPostmortem(
  ctx: Ctx,
  incidentKey: string,
  raw: PublishPostmortemInput,
  expectedVersion?: number,
): Promise<Postmortem> {
  const input = parseInput(PublishPostmortemInput, raw);
  if (input.override && !mayOverride(ctx.actor)) {
    throw new DomainError("FORBIDDEN", "only an admin may publish without a held review meeting", [
      { path: "override", message: "needs the admin role" },
    ]);
  }
  const now = ctx.clock.now();
  const nowIso = toUtcIso(now);
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the post-mortem of ${ref.incidentKey}`;
    const pm = await trx
      .selectFrom("postmortems")
      .selectAll()
      .where("id", "=", ref.postmortemId)
      .executeTakeFirstOrThrow();
    assertVersion(what, pm.version, expectedVersion);
    if (!PUBLISHABLE.includes(pm.status)) {
      throw new DomainError("CONFLICT", `${what} is already ${pm.status}`, [
        { path: "status", message: `is ${pm.status}; only a draft or one in review can be published` },
      ]);
    }

    const gaps: FieldError[] = [];
    const meeting = await missingMeeting(trx, ref.postmortemId, now);
    if (meeting && !input.override) gaps.push({ path: "meeting", message: meeting });
    for (const [field, hint] of SECTIONS) {
      if (pm[field].trim() === "") gaps.push({ path: field, message: `is empty: ${hint}` });
    }
    const actionItems = await countActionItems(trx, ref.postmortemId);
    if (actionItems === 0 && !input.noActionItemsReason) {
      gaps.push({
        path: "actionItems",
        message: "has none: add at least one, or send noActionItemsReason to say why none is needed",
      });
    }
    if (gaps.length > 0) {
      const detail = gaps.map((gap) => `${gap.path}: ${gap.message}`).join("; ");
      throw new DomainError("CONFLICT", `${what} cannot be published yet: ${detail}`, gaps);
    }

    const override = input.override ? { reason: input.override.reason, by: ctx.actor.name } : null;
    const updated = await trx
      .updateTable("postmortems")
      .set({
        status: "published",
        publishedAt: nowIso,
        publishOverrideReason: override?.reason ?? null,
        publishOverrideBy: override?.by ?? null,
        version: pm.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", ref.postmortemId)
      .where("version", "=", pm.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);
    await announce(
      trx,
      ref,
      { override, meetingHeld: meeting === null, noActionItemsReason: input.noActionItemsReason ?? null },
      nowIso,
    );
    await closeIfAllDone(trx, ref.postmortemId, nowIso);
    await reindexIncident(trx, ref.incidentId);
    return getPostmortemOrThrow(trx, ref.incidentKey, ctx.clock.now());
  });
}
