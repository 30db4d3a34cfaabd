import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Executor } from "../db/connect.ts";
import { Severity } from "../incidents/incident.ts";
import { ChecklistItems, type ChecklistPhase } from "../postmortems/checklist.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError, type FieldError } from "../shared/errors.ts";
import { UtcInstant, toUtcIso } from "../shared/time.ts";
import { fieldErrors, parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { TimelineKind } from "../timeline/timeline-entry.ts";

const Tag = z.string().trim().min(1, "must not be empty").max(100);
const Reason = z.string().trim().min(1, "must not be empty").max(200);
const unique = <T extends z.ZodType>(item: T, max = 50) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, "must not repeat an entry");

/** Tags that decide on their own, with the reason shown to people ("near miss"). */
const TagRule = z.strictObject({ tags: unique(Tag).min(1, "must name at least one tag"), reason: Reason });
export const ImpactFlags = ["customerImpact", "dataLoss", "security"] as const;

const PolicyAlways = z.strictObject({
  severities: unique(Severity),
  flags: unique(z.enum(ImpactFlags)).meta({ description: "Incident flags that always need a post-mortem" }),
  tags: z.array(TagRule).max(50),
  timelineKinds: unique(TimelineKind).meta({
    description: "A timeline entry of one of these kinds means someone intervened by hand",
  }),
});
const PolicyUsually = z.strictObject({ severities: unique(Severity), tags: z.array(TagRule).max(50) });
const SkipRule = TagRule.extend({
  onlyWithoutImpact: z
    .boolean()
    .meta({ description: "Skip only when the incident had no customer impact and no data loss" }),
});
const PolicySkip = z.strictObject({ tags: z.array(SkipRule).max(50) });
const Policy = z.strictObject({ always: PolicyAlways, usually: PolicyUsually, skip: PolicySkip });

const Hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365);
const Deadlines = z.strictObject({
  meetingDueHours: Hours.meta({ description: "After resolution, the meeting is due from then on" }),
  meetingOverdueHours: Hours.meta({ description: "After resolution, the meeting is overdue from then on" }),
  publishOverdueDays: z.number().int().min(1).max(365),
});

export const AgendaSection = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, "must be lower-case letters, digits and dashes, like root-cause"),
  title: z.string().trim().min(1, "must not be empty").max(200),
  minutes: z.number().int().min(1).max(120),
});
export type AgendaSection = z.infer<typeof AgendaSection>;
const Agenda = z
  .array(AgendaSection)
  .min(1)
  .max(12)
  .refine((list) => new Set(list.map((s) => s.key)).size === list.length, "section keys must be unique");
const MeetingSettings = z.strictObject({ agenda: Agenda });

function phaseItems(phase: ChecklistPhase) {
  const keys = ChecklistItems.filter((item) => item.phase === phase).map((item) => item.key);
  return unique(z.enum(keys as [string, ...string[]], { message: `must be one of ${keys.join(", ")}` }));
}
const ChecklistSet = z.strictObject({
  before: phaseItems("before"),
  during: phaseItems("during"),
  after: phaseItems("after"),
});
export type ChecklistSet = z.infer<typeof ChecklistSet>;
const BySeverity = z.strictObject({
  P1: ChecklistSet.partial().optional(),
  P2: ChecklistSet.partial().optional(),
  P3: ChecklistSet.partial().optional(),
});
const Checklists = z.strictObject({
  default: ChecklistSet,
  bySeverity: BySeverity.meta({ description: "Per severity, phases that differ from the default" }),
});

const Reminders = z.strictObject({
  actionItemDueSoonDays: z.number().int().min(0).max(60),
  overdueEveryDays: z.number().int().min(1).max(90),
});

export const ProcessSettings = z.strictObject({
  policy: Policy,
  deadlines: Deadlines,
  meeting: MeetingSettings,
  checklists: Checklists,
  reminders: Reminders,
});
export type ProcessSettings = z.infer<typeof ProcessSettings>;

/** What the config file and the API set: any part of the settings; the rest comes from below. */
export const ProcessSettingsPatch = z.strictObject({
  policy: z
    .strictObject({
      always: PolicyAlways.partial().optional(),
      usually: PolicyUsually.partial().optional(),
      skip: PolicySkip.partial().optional(),
    })
    .optional(),
  deadlines: Deadlines.partial().optional(),
  meeting: MeetingSettings.partial().optional(),
  checklists: z
    .strictObject({ default: ChecklistSet.partial().optional(), bySeverity: BySeverity.optional() })
    .optional(),
  reminders: Reminders.partial().optional(),
});
export type ProcessSettingsPatch = z.infer<typeof ProcessSettingsPatch>;

const everyItem = (phase: ChecklistPhase) =>
  ChecklistItems.filter((item) => item.phase === phase).map((item) => item.key as string);

export const DEFAULT_PROCESS_SETTINGS: ProcessSettings = {
  policy: {
    always: {
      severities: ["P1", "P2"],
      flags: ["customerImpact", "dataLoss", "security"],
      tags: [{ tags: ["manual-intervention"], reason: "manual intervention" }],
      timelineKinds: ["action"],
    },
    usually: {
      severities: ["P3"],
      tags: [
        { tags: ["near-miss"], reason: "near miss" },
        { tags: ["repeat", "recurring"], reason: "repeat of a known failure" },
      ],
    },
    skip: {
      tags: [
        { tags: ["false-alarm"], reason: "false alarm without impact", onlyWithoutImpact: true },
        { tags: ["duplicate"], reason: "duplicate of another incident", onlyWithoutImpact: false },
      ],
    },
  },
  deadlines: { meetingDueHours: 24, meetingOverdueHours: 48, publishOverdueDays: 7 },
  meeting: {
    agenda: [
      { key: "stage", title: "Set the stage: blameless framing", minutes: 2 },
      { key: "timeline", title: "Review the timeline", minutes: 10 },
      { key: "root-cause", title: "Discuss root cause and contributing factors", minutes: 15 },
      { key: "improvements", title: "Identify improvements", minutes: 15 },
      { key: "action-items", title: "Assign action items", minutes: 5 },
      { key: "went-well", title: "What went well", minutes: 3 },
    ],
  },
  checklists: {
    default: { before: everyItem("before"), during: everyItem("during"), after: everyItem("after") },
    bySeverity: {},
  },
  reminders: { actionItemDueSoonDays: 2, overdueEveryDays: 7 },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (lists included) given in `over` replaces what is below. */
export function mergeSettings<T>(under: T, over: unknown): T {
  if (!isPlainObject(under) || !isPlainObject(over)) return (over === undefined ? under : over) as T;
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = mergeSettings(merged[key], value);
  }
  return merged as T;
}

/** Rules across fields, which the schema of one field cannot state. */
function incoherence(settings: ProcessSettings): FieldError | null {
  const d = settings.deadlines;
  return d.meetingOverdueHours < d.meetingDueHours
    ? { path: "deadlines.meetingOverdueHours", message: "must not be less than deadlines.meetingDueHours" }
    : null;
}

export const PROCESS_CONFIG_ENV = "HINDSIGHT_PROCESS_CONFIG";
const fileLayers = new Map<string, ProcessSettingsPatch>();

/**
 * The settings layer from the JSON file named by HINDSIGHT_PROCESS_CONFIG (empty without one), read once
 * per process; a file that cannot be read or does not fit stops start-up with its name and the field.
 */
export function processConfigLayer(env: NodeJS.ProcessEnv = process.env): ProcessSettingsPatch {
  const file = env[PROCESS_CONFIG_ENV]?.trim();
  if (!file) return {};
  const cached = fileLayers.get(file);
  if (cached) return cached;
  const fail = (detail: string) => new Error(`${PROCESS_CONFIG_ENV} file ${file}: ${detail}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof SyntaxError) throw fail(`is not valid JSON (${error.message})`);
    throw fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const parsed = ProcessSettingsPatch.safeParse(raw);
  if (!parsed.success) {
    throw fail(
      fieldErrors(parsed.error)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; "),
    );
  }
  const effective = ProcessSettings.safeParse(mergeSettings(DEFAULT_PROCESS_SETTINGS, parsed.data));
  const problems = effective.success ? [incoherence(effective.data)] : fieldErrors(effective.error);
  const first = problems.find((p) => p !== null);
  if (first) throw fail(`${first.path}: ${first.message}`);
  fileLayers.set(file, parsed.data);
  return parsed.data;
}

const SETTINGS_KEY = "process";

export const ProcessSettingsResource = z.object({
  settings: ProcessSettings.meta({
    description: "In effect: defaults, then the config file, then overrides",
  }),
  overrides: ProcessSettingsPatch.meta({ description: "What admins set through the API (PUT replaces it)" }),
  version: z.number().int().meta({ description: "0 until the first PUT" }),
  updatedAt: UtcInstant.nullable(),
  updatedBy: z.string().nullable(),
});
export type ProcessSettingsResource = z.infer<typeof ProcessSettingsResource>;

/** The settings in effect, the stored overrides and their version. */
export async function readProcessSettings(db: Executor): Promise<ProcessSettingsResource> {
  const row = await db.selectFrom("settings").selectAll().where("key", "=", SETTINGS_KEY).executeTakeFirst();
  const overrides = row ? ProcessSettingsPatch.parse(JSON.parse(row.value)) : {};
  const below = mergeSettings(DEFAULT_PROCESS_SETTINGS, processConfigLayer());
  return {
    settings: ProcessSettings.parse(mergeSettings(below, overrides)),
    overrides,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** The process settings in effect: defaults, overlaid by the config file, overlaid by what admins stored. */
export async function getProcessSettings(db: Executor): Promise<ProcessSettings> {
  return (await readProcessSettings(db)).settings;
}

/**
 * Replaces the admins' overrides (admins and the CLI only); the result must be valid settings on top of
 * the defaults and the config file, else nothing changes.
 */
export async function updateProcessSettings(
  ctx: Ctx,
  raw: unknown,
  expectedVersion?: number,
): Promise<ProcessSettingsResource> {
  if (ctx.actor.kind === "job" || (ctx.actor.kind === "user" && ctx.actor.role !== "admin")) {
    throw new DomainError("FORBIDDEN", "only an admin may change the process settings");
  }
  const overrides = parseInput(ProcessSettingsPatch, raw);
  const effective = parseInput(
    ProcessSettings,
    mergeSettings(mergeSettings(DEFAULT_PROCESS_SETTINGS, processConfigLayer()), overrides),
  );
  const problem = incoherence(effective);
  if (problem) throw DomainError.validation(problem.path, problem.message);
  const nowIso = toUtcIso(ctx.clock.now());
  const value = JSON.stringify(overrides);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("settings")
      .select("version")
      .where("key", "=", SETTINGS_KEY)
      .executeTakeFirst();
    assertVersion("the process settings", row?.version ?? 0, expectedVersion);
    const written = row
      ? await trx
          .updateTable("settings")
          .set({ value, version: row.version + 1, updatedAt: nowIso, updatedBy: ctx.actor.name })
          .where("key", "=", SETTINGS_KEY)
          .where("version", "=", row.version)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows))
      : await trx
          .insertInto("settings")
          .values({ key: SETTINGS_KEY, value, version: 1, updatedAt: nowIso, updatedBy: ctx.actor.name })
          .onConflict((oc) => oc.column("key").doNothing())
          .returning("key")
          .executeTakeFirst()
          .then((r) => (r ? 1 : 0));
    if (written !== 1) throw staleWrite("the process settings");
  });
  return readProcessSettings(ctx.db);
}
