import type { Trx } from "../db/connect.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { isInFuture, toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { findMeetingRow, getMeetingOrThrow } from "./postmortem.repository.ts";
import { UpdateMeetingInput, type Meeting } from "./postmortem.ts";

async function replaceAttendees(
  trx: Trx,
  postmortemId: number,
  attendees: { name: string; email?: string | null | undefined }[],
): Promise<void> {
  await trx.deleteFrom("meetingAttendees").where("postmortemId", "=", postmortemId).execute();
  if (attendees.length === 0) return;
  await trx
    .insertInto("meetingAttendees")
    .values(
      attendees.map((a, position) => ({ postmortemId, position, name: a.name, email: a.email ?? null })),
    )
    .execute();
}

/**
 * Schedules or records the review meeting: the first write creates it at version 1, later writes
 * bump its own version. `expectedVersion` 0 means "there was no meeting when I read it".
 */
export async function updateMeeting(
  ctx: Ctx,
  incidentKey: string,
  raw: UpdateMeetingInput,
  expectedVersion?: number,
): Promise<Meeting> {
  const input = parseInput(UpdateMeetingInput, raw);
  const now = ctx.clock.now();
  const nowIso = toUtcIso(now);
  if (input.heldAt && isInFuture(input.heldAt, now)) {
    throw DomainError.validation("heldAt", "must not be in the future");
  }
  const fields = {
    ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
    ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
    ...(input.facilitator !== undefined ? { facilitator: input.facilitator } : {}),
    ...(input.heldAt !== undefined ? { heldAt: input.heldAt } : {}),
    ...(input.notes !== undefined ? { notes: JSON.stringify(input.notes) } : {}),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the review meeting of ${ref.incidentKey}`;
    const existing = await findMeetingRow(trx, ref.postmortemId);
    if (!existing) {
      if (expectedVersion !== undefined && expectedVersion !== 0) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          `${what} does not exist yet (you have version ${expectedVersion}); reload and apply your change again`,
        );
      }
      const inserted = await trx
        .insertInto("meetings")
        .values({
          postmortemId: ref.postmortemId,
          ...fields,
          version: 1,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .onConflict((oc) => oc.column("postmortemId").doNothing())
        .returning("postmortemId")
        .executeTakeFirst();
      if (!inserted) throw staleWrite(what);
    } else {
      assertVersion(what, existing.version, expectedVersion);
      const updated = await trx
        .updateTable("meetings")
        .set({ ...fields, version: existing.version + 1, updatedAt: nowIso })
        .where("postmortemId", "=", ref.postmortemId)
        .where("version", "=", existing.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);
    }
    if (input.attendees) await replaceAttendees(trx, ref.postmortemId, input.attendees);
    return getMeetingOrThrow(trx, ref.incidentKey);
  });
}
