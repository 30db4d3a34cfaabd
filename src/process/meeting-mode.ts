import { z } from "zod";
import type { Executor } from "../db/connect.ts";
import type { MeetingRow } from "../db/database.ts";
import { getPostmortemRefOrThrow } from "../incidents/incident.repository.ts";
import { findMeetingRow } from "../postmortems/postmortem.repository.ts";
import type { Clock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { UtcInstant, toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { Agenda, MAX_AGENDA_SECTIONS, agendaSections, toAgenda, writeMeeting } from "./agenda.ts";
import type { AgendaSection } from "./settings.ts";

export const MeetingModeActions = ["start", "next", "previous", "goto", "end"] as const;

export const MeetingModeInput = z
  .strictObject({
    action: z.enum(MeetingModeActions),
    section: z
      .number()
      .int()
      .min(0)
      .max(MAX_AGENDA_SECTIONS - 1)
      .optional()
      .meta({ description: "With goto: the agenda section to move to, counted from 0" }),
  })
  .superRefine((value, ctx) => {
    if (value.action === "goto" && value.section === undefined) {
      ctx.addIssue({ code: "custom", path: ["section"], message: "is required with goto" });
    }
    if (value.action !== "goto" && value.section !== undefined) {
      ctx.addIssue({ code: "custom", path: ["section"], message: "can only be given with goto" });
    }
  });
export type MeetingModeInput = z.input<typeof MeetingModeInput>;

export const MeetingModeState = z.object({
  active: z.boolean().meta({ description: "true between start and end" }),
  startedAt: UtcInstant.nullable(),
  section: z
    .object({ index: z.number().int(), key: z.string(), title: z.string(), minutes: z.number().int() })
    .nullable()
    .meta({ description: "The agenda section the room is on; null when not running" }),
  sectionStartedAt: UtcInstant.nullable(),
  sectionEndsAt: UtcInstant.nullable(),
  remainingSeconds: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Left in the current section by the server's clock; negative when over time" }),
  elapsedSeconds: z.number().int().nullable().meta({ description: "Since the meeting started" }),
  plannedEndAt: UtcInstant.nullable().meta({ description: "Start plus the agenda's total minutes" }),
  heldAt: UtcInstant.nullable(),
  agenda: Agenda,
  version: z.number().int().meta({ description: "The meeting's version (If-Match); 0 before it exists" }),
});
export type MeetingModeState = z.infer<typeof MeetingModeState>;

const plus = (iso: string, minutes: number) => toUtcIso(new Date(Date.parse(iso) + minutes * 60_000));
// Whole seconds, rounded toward the past (`+ 0` turns -0 into 0).
const secondsFrom = (fromMs: number, toMs: number) => Math.floor((toMs - fromMs) / 1000) + 0;

function currentIndex(row: MeetingRow, sections: AgendaSection[]): number {
  // The agenda may have been shortened while the meeting runs: stay on its last section then.
  return Math.min(Math.max(row.modeSection ?? 0, 0), sections.length - 1);
}

function toState(row: MeetingRow | undefined, sections: AgendaSection[], clock: Clock): MeetingModeState {
  const agenda = toAgenda(sections, row);
  const idle = {
    active: false,
    startedAt: null,
    section: null,
    sectionStartedAt: null,
    sectionEndsAt: null,
    remainingSeconds: null,
    elapsedSeconds: null,
    plannedEndAt: null,
    heldAt: row?.heldAt ?? null,
    agenda,
    version: row?.version ?? 0,
  };
  if (!row?.modeStartedAt || !row.modeSectionStartedAt) return idle;
  const now = clock.now().getTime();
  const index = currentIndex(row, sections);
  const section = sections[index]!;
  const sectionEndsAt = plus(row.modeSectionStartedAt, section.minutes);
  return {
    ...idle,
    active: true,
    startedAt: row.modeStartedAt,
    section: { index, key: section.key, title: section.title, minutes: section.minutes },
    sectionStartedAt: row.modeSectionStartedAt,
    sectionEndsAt,
    remainingSeconds: secondsFrom(now, Date.parse(sectionEndsAt)),
    elapsedSeconds: secondsFrom(Date.parse(row.modeStartedAt), now),
    plannedEndAt: plus(row.modeStartedAt, agenda.totalMinutes),
  };
}

/** Where the room is in the review meeting, timed by the caller's clock. */
export async function getMeetingMode(
  db: Executor,
  clock: Clock,
  incidentKey: string,
): Promise<MeetingModeState> {
  const ref = await getPostmortemRefOrThrow(db, incidentKey);
  const row = await findMeetingRow(db, ref.postmortemId);
  return toState(row, await agendaSections(db, row), clock);
}

function refuse(message: string): DomainError {
  return new DomainError("CONFLICT", message, [{ path: "action", message }]);
}

/**
 * Starts, moves through (next, previous, goto) or ends meeting mode, kept on the server so every browser
 * follows the same section; ending records the meeting as held at its start unless a time is recorded.
 * With `expectedVersion` (the meeting's), a stale read changes nothing.
 */
export async function moveMeetingMode(
  ctx: Ctx,
  incidentKey: string,
  raw: MeetingModeInput,
  expectedVersion?: number,
): Promise<MeetingModeState> {
  const input = parseInput(MeetingModeInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const ref = await getPostmortemRefOrThrow(trx, incidentKey);
    const what = `the review meeting of ${ref.incidentKey}`;
    const row = await findMeetingRow(trx, ref.postmortemId);
    const sections = await agendaSections(trx, row);
    const running = row?.modeStartedAt ? row : undefined;
    let fields;
    if (input.action === "start") {
      if (running) throw refuse(`the meeting is already running since ${running.modeStartedAt}`);
      fields = { modeStartedAt: nowIso, modeSection: 0, modeSectionStartedAt: nowIso };
    } else if (!running) {
      throw refuse("the meeting is not running: start it first");
    } else if (input.action === "end") {
      fields = {
        modeStartedAt: null,
        modeSection: null,
        modeSectionStartedAt: null,
        heldAt: running.heldAt ?? running.modeStartedAt,
      };
    } else {
      const index = currentIndex(running, sections);
      const target =
        input.action === "next" ? index + 1 : input.action === "previous" ? index - 1 : input.section!;
      if (input.action === "next" && target >= sections.length) {
        throw refuse("the meeting is on its last section: end it instead");
      }
      if (input.action === "previous" && target < 0) throw refuse("the meeting is on its first section");
      if (target >= sections.length) {
        throw DomainError.validation("section", `must be below ${sections.length}, the agenda's length`);
      }
      fields = { modeSection: target, modeSectionStartedAt: nowIso };
    }
    await writeMeeting(trx, ref.postmortemId, what, fields, expectedVersion, nowIso);
    const written = await findMeetingRow(trx, ref.postmortemId);
    return toState(written, sections, ctx.clock);
  });
}
