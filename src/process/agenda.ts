import { z } from "zod";
import type { Executor, Trx } from "../db/connect.ts";
import type { MeetingRow } from "../db/database.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { findMeetingRow } from "../postmortems/postmortem.repository.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { AgendaSection, getProcessSettings } from "./settings.ts";

export const MAX_AGENDA_SECTIONS = 12;

export const ReplaceAgendaInput = z.strictObject({
  sections: z
    .array(AgendaSection)
    .min(1, "must have at least one section")
    .max(MAX_AGENDA_SECTIONS, `must have at most ${MAX_AGENDA_SECTIONS} sections`)
    .superRefine((sections, ctx) => {
      sections.forEach((section, i) => {
        if (sections.findIndex((s) => s.key === section.key) !== i) {
          ctx.addIssue({ code: "custom", path: [i, "key"], message: `repeats the key ${section.key}` });
        }
      });
    })
    .meta({ description: "Replaces the whole agenda, in order" }),
});
export type ReplaceAgendaInput = z.input<typeof ReplaceAgendaInput>;

export const AgendaItem = z.object({
  key: z.string(),
  title: z.string(),
  minutes: z.number().int(),
  startMinute: z.number().int().meta({ description: "Minutes from the start of the meeting" }),
});

export const Agenda = z.object({
  sections: z.array(AgendaItem),
  totalMinutes: z.number().int(),
  custom: z.boolean().meta({ description: "false while the meeting follows the configured default agenda" }),
  version: z.number().int().meta({ description: "The meeting's version; 0 before the meeting exists" }),
});
export type Agenda = z.infer<typeof Agenda>;

/** The meeting's own agenda, or the configured default when it has none. */
export async function agendaSections(db: Executor, row: MeetingRow | undefined): Promise<AgendaSection[]> {
  if (row?.agenda) return JSON.parse(row.agenda) as AgendaSection[];
  return (await getProcessSettings(db)).meeting.agenda;
}

export function toAgenda(sections: AgendaSection[], row: MeetingRow | undefined): Agenda {
  let startMinute = 0;
  const items = sections.map((section) => {
    const item = { key: section.key, title: section.title, minutes: section.minutes, startMinute };
    startMinute += section.minutes;
    return item;
  });
  return {
    sections: items,
    totalMinutes: startMinute,
    custom: Boolean(row?.agenda),
    version: row?.version ?? 0,
  };
}

/** The agenda of an incident's review meeting, with each section's start and the total length. */
export async function getAgenda(db: Executor, incidentKey: string): Promise<Agenda> {
  const ref = await getPostmortemRefOrThrow(db, incidentKey);
  const row = await findMeetingRow(db, ref.postmortemId);
  return toAgenda(await agendaSections(db, row), row);
}

type MeetingFields = Partial<
  Pick<MeetingRow, "agenda" | "heldAt" | "modeStartedAt" | "modeSection" | "modeSectionStartedAt">
>;

/**
 * Writes fields of the review meeting, creating it at version 1 on the first write; later writes bump
 * its version. `expectedVersion` 0 means "there was no meeting when I read it".
 */
export async function writeMeeting(
  trx: Trx,
  postmortemId: number,
  what: string,
  fields: MeetingFields,
  expectedVersion: number | undefined,
  nowIso: string,
): Promise<void> {
  const existing = await findMeetingRow(trx, postmortemId);
  if (!existing) {
    if (expectedVersion !== undefined && expectedVersion !== 0) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `${what} does not exist yet (you have version ${expectedVersion}); reload and apply your change again`,
      );
    }
    const inserted = await trx
      .insertInto("meetings")
      .values({ postmortemId, ...fields, version: 1, createdAt: nowIso, updatedAt: nowIso })
      .onConflict((oc) => oc.column("postmortemId").doNothing())
      .returning("postmortemId")
      .executeTakeFirst();
    if (!inserted) throw staleWrite(what);
    return;
  }
  assertVersion(what, existing.version, expectedVersion);
  const updated = await trx
    .updateTable("meetings")
    .set({ ...fields, version: existing.version + 1, updatedAt: nowIso })
    .where("postmortemId", "=", postmortemId)
    .where("version", "=", existing.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);
}

/**
 * Replaces the review meeting's agenda (1–12 sections, 1–120 minutes each, unique keys), creating the
 * meeting if needed; with `expectedVersion`, a stale read of the meeting changes nothing.
 */
export async function replaceAgenda(
  ctx: Ctx,
  incidentKey: string,
  raw: ReplaceAgendaInput,
  expectedVersion?: number,
): Promise<Agenda> {
  const input = parseInput(ReplaceAgendaInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the review meeting of ${ref.incidentKey}`;
    const agenda = JSON.stringify(input.sections);
    await writeMeeting(trx, ref.postmortemId, what, { agenda }, expectedVersion, nowIso);
    return getAgenda(trx, ref.incidentKey);
  });
}
