import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { tickChecklistItem } from "../postmortems/tick-checklist-item.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import {
  DEFAULT_PROCESS_SETTINGS,
  getProcessSettings,
  processConfigLayer,
  readProcessSettings,
  updateProcessSettings,
} from "./settings.ts";

let testDb: TestDb;
let ctx: Ctx;
const dir = mkdtempSync(join(tmpdir(), "hindsight-settings-"));
let fileCount = 0;

/** Writes a config file and points HINDSIGHT_PROCESS_CONFIG at it. */
function useConfigFile(content: string): string {
  fileCount += 1;
  const file = join(dir, `process-${fileCount}.json`);
  writeFileSync(file, content);
  vi.stubEnv("HINDSIGHT_PROCESS_CONFIG", file);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

// Every test starts from a database without overrides.
async function clearOverrides() {
  await testDb.db.deleteFrom("settings").execute();
}

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await clearOverrides();
});
afterAll(() => testDb.destroy());

describe("getProcessSettings", () => {
  it("gives the SPEC defaults when nothing is configured", async () => {
    vi.stubEnv("HINDSIGHT_PROCESS_CONFIG", "");
    const settings = await getProcessSettings(testDb.db);
    expect(settings).toEqual(DEFAULT_PROCESS_SETTINGS);
    expect(settings.deadlines).toEqual({
      meetingDueHours: 24,
      meetingOverdueHours: 48,
      publishOverdueDays: 7,
    });
    expect(settings.meeting.agenda.map((s) => s.minutes)).toEqual([2, 10, 15, 15, 5, 3]);
    expect(settings.reminders).toEqual({ actionItemDueSoonDays: 2, overdueEveryDays: 7 });
  });

  it("lays the config file over the defaults, and what admins stored over both", async () => {
    useConfigFile(JSON.stringify({ deadlines: { meetingDueHours: 12, publishOverdueDays: 5 } }));
    expect((await getProcessSettings(testDb.db)).deadlines).toEqual({
      meetingDueHours: 12,
      meetingOverdueHours: 48,
      publishOverdueDays: 5,
    });
    await updateProcessSettings(ctx, { deadlines: { publishOverdueDays: 10 } });
    const read = await readProcessSettings(testDb.db);
    expect(read.settings.deadlines).toEqual({
      meetingDueHours: 12,
      meetingOverdueHours: 48,
      publishOverdueDays: 10,
    });
    expect(read.overrides).toEqual({ deadlines: { publishOverdueDays: 10 } });
    expect(read.settings.meeting).toEqual(DEFAULT_PROCESS_SETTINGS.meeting);
  });

  it("replaces a list as a whole rather than merging it", async () => {
    const agenda = [{ key: "timeline", title: "Walk the timeline", minutes: 20 }];
    await updateProcessSettings(ctx, { meeting: { agenda } });
    expect((await getProcessSettings(testDb.db)).meeting.agenda).toEqual(agenda);
  });
});

describe("processConfigLayer", () => {
  it("names the file and the field when the file does not fit", () => {
    const file = useConfigFile(JSON.stringify({ deadlines: { meetingDueHours: "soon" } }));
    expect(() => processConfigLayer()).toThrow(
      `HINDSIGHT_PROCESS_CONFIG file ${file}: deadlines.meetingDueHours`,
    );
    const unknown = useConfigFile(JSON.stringify({ deadline: {} }));
    expect(() => processConfigLayer()).toThrow(`${unknown}: deadline: is not a known field`);
  });

  it("names the file when it is not JSON or missing, and checks rules across fields", () => {
    const broken = useConfigFile("{ deadlines: ");
    expect(() => processConfigLayer()).toThrow(`${broken}: is not valid JSON`);
    vi.stubEnv("HINDSIGHT_PROCESS_CONFIG", join(dir, "missing.json"));
    expect(() => processConfigLayer()).toThrow("missing.json: cannot be read");
    const backwards = useConfigFile(JSON.stringify({ deadlines: { meetingOverdueHours: 12 } }));
    expect(() => processConfigLayer()).toThrow(
      `${backwards}: deadlines.meetingOverdueHours: must not be less`,
    );
  });
});

describe("updateProcessSettings", () => {
  it("stores overrides with a version and refuses a stale one, changing nothing", async () => {
    const first = await updateProcessSettings(ctx, { reminders: { actionItemDueSoonDays: 3 } }, 0);
    expect(first).toMatchObject({
      version: 1,
      updatedBy: "test-operator",
      updatedAt: "2026-03-18T16:00:00Z",
    });
    const stale = await failure(updateProcessSettings(ctx, { reminders: { actionItemDueSoonDays: 5 } }, 0));
    expect(stale.code).toBe("PRECONDITION_FAILED");
    const second = await updateProcessSettings(ctx, { reminders: { overdueEveryDays: 14 } }, 1);
    expect(second.version).toBe(2);
    expect(second.settings.reminders).toEqual({ actionItemDueSoonDays: 2, overdueEveryDays: 14 });
  });

  it("lets admins and the CLI change the settings, nobody else", async () => {
    const editor = await buildUser(testDb.db, "editor");
    const admin = await buildUser(testDb.db, "admin");
    const change = { deadlines: { meetingDueHours: 20 } };
    const refused = await failure(updateProcessSettings({ ...ctx, actor: editor.actor }, change));
    expect(refused.code).toBe("FORBIDDEN");
    const job = await failure(
      updateProcessSettings({ ...ctx, actor: { kind: "job", name: "reminders" } }, change),
    );
    expect(job.code).toBe("FORBIDDEN");
    expect((await readProcessSettings(testDb.db)).version).toBe(0);
    const saved = await updateProcessSettings({ ...ctx, actor: admin.actor }, change);
    expect(saved.settings.deadlines.meetingDueHours).toBe(20);
  });

  it("names the offending field and changes nothing", async () => {
    const unknown = await failure(updateProcessSettings(ctx, { deadlines: { meetingDueHourz: 3 } }));
    expect(unknown.errors).toEqual([{ path: "deadlines.meetingDueHourz", message: "is not a known field" }]);
    const negative = await failure(updateProcessSettings(ctx, { deadlines: { publishOverdueDays: 0 } }));
    expect(negative.errors.map((e) => e.path)).toEqual(["deadlines.publishOverdueDays"]);
    const backwards = await failure(updateProcessSettings(ctx, { deadlines: { meetingOverdueHours: 20 } }));
    expect(backwards.errors.map((e) => e.path)).toEqual(["deadlines.meetingOverdueHours"]);
    const wrongPhase = await failure(
      updateProcessSettings(ctx, {
        checklists: { default: { before: ["timeline-drafted", "timeline-reviewed"] } },
      }),
    );
    expect(wrongPhase.errors.map((e) => e.path)).toEqual(["checklists.default.before.1"]);
    const twice = await failure(
      updateProcessSettings(ctx, {
        meeting: {
          agenda: [
            { key: "a", title: "A", minutes: 5 },
            { key: "a", title: "B", minutes: 5 },
          ],
        },
      }),
    );
    expect(twice.errors.map((e) => e.path)).toEqual(["meeting.agenda"]);
    expect((await readProcessSettings(testDb.db)).version).toBe(0);
  });
});

describe("checklists per severity", () => {
  it("shows each post-mortem the items configured for its severity, with who ticked them and when", async () => {
    await updateProcessSettings(ctx, {
      checklists: { bySeverity: { P3: { before: ["timeline-drafted"], after: ["published-on-time"] } } },
    });
    const minor = await buildIncident(ctx, { severity: "P3" });
    const major = await buildIncident(ctx, { severity: "P1" });
    await tickChecklistItem(ctx, minor.key, "timeline-drafted");

    const checklist = (await getPostmortemOrThrow(testDb.db, minor.key)).checklist;
    expect(checklist.map((c) => c.item)).toEqual([
      "timeline-drafted",
      "blameless-framing",
      "timeline-reviewed",
      "causes-discussed",
      "action-items-assigned",
      "went-well-captured",
      "published-on-time",
    ]);
    expect(checklist[0]).toEqual({
      item: "timeline-drafted",
      phase: "before",
      tickedBy: "test-operator",
      tickedAt: "2026-03-18T16:00:00Z",
    });
    expect((await getPostmortemOrThrow(testDb.db, major.key)).checklist).toHaveLength(14);
  });
});
