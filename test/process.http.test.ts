import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PostmortemDeadlineItem } from "../src/process/overdue.ts";
import type { ProcessSettingsResource } from "../src/process/settings.ts";
import type { Postmortem } from "../src/postmortems/postmortem.ts";
import { buildApp } from "../src/server/app.ts";
import { createTestApp, type TestApp } from "./http.ts";

let t: TestApp;
const SETTINGS = "/api/v1/settings/process";

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.unstubAllEnvs());

type Problem = { status: number; errors?: { path: string; message: string }[] };

async function putSettings(body: unknown, headers: Record<string, string>) {
  return t.app.inject({ method: "PUT", url: SETTINGS, headers, payload: body as object });
}

describe("/api/v1/settings/process", () => {
  it("shows viewers the defaults at version 0, and lets an admin change them with If-Match", async () => {
    const read = await t.app.inject({ method: "GET", url: SETTINGS, headers: t.as("viewer") });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json<ProcessSettingsResource>()).toMatchObject({
      settings: { deadlines: { meetingDueHours: 24, meetingOverdueHours: 48, publishOverdueDays: 7 } },
      overrides: {},
      version: 0,
    });

    const missing = await putSettings({ deadlines: { publishOverdueDays: 5 } }, t.as("admin"));
    expect(missing.statusCode).toBe(428);
    const saved = await putSettings(
      { deadlines: { publishOverdueDays: 5 } },
      t.as("admin", { "if-match": '"0"' }),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json<ProcessSettingsResource>()).toMatchObject({
      settings: { deadlines: { meetingDueHours: 24, publishOverdueDays: 5 } },
      overrides: { deadlines: { publishOverdueDays: 5 } },
      updatedBy: t.users.admin.actor.name,
    });

    const stale = await putSettings({}, t.as("admin", { "if-match": '"0"' }));
    expect(stale.statusCode).toBe(412);
    const reset = await putSettings({}, t.as("admin", { "if-match": '"1"' }));
    expect(reset.json<ProcessSettingsResource>().settings.deadlines.publishOverdueDays).toBe(7);
  });

  it("refuses editors with 403 and a bad field with 400 naming it", async () => {
    const editor = await putSettings({}, t.as("editor", { "if-match": "*" }));
    expect(editor.statusCode).toBe(403);
    const bad = await putSettings(
      { deadlines: { meetingDueHours: -1 }, policy: { skip: { tags: [{ tags: ["x"] }] } } },
      t.as("admin", { "if-match": "*" }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<Problem>().errors!.map((e) => e.path);
    expect(paths).toContain("deadlines.meetingDueHours");
    expect(paths).toContain("policy.skip.tags.0.reason");
  });

  it("stops start-up with the file and the field when the config file is bad", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hindsight-process-")), "process.json");
    writeFileSync(file, JSON.stringify({ meeting: { agenda: [] } }));
    vi.stubEnv("HINDSIGHT_PROCESS_CONFIG", file);
    await expect(buildApp({ db: t.testDb.db })).rejects.toThrow(`${file}: meeting.agenda`);
  });
});

describe("GET /api/v1/postmortems", () => {
  async function list(query: string): Promise<PostmortemDeadlineItem[]> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/postmortems?${query}`,
      headers: t.as("viewer"),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: PostmortemDeadlineItem[] }>().items;
  }

  it("lists what is overdue as the clock moves, the most overdue first", async () => {
    t.clock.set("2026-03-18T16:00:00Z");
    const older = await t.openIncident({
      title: "Older",
      status: "resolved",
      resolvedAt: "2026-03-18T15:00:00Z",
    });
    const newer = await t.openIncident({
      title: "Newer",
      status: "resolved",
      resolvedAt: "2026-03-18T15:30:00Z",
    });
    await t.openIncident({
      title: "Drill",
      tags: ["duplicate"],
      status: "resolved",
      resolvedAt: "2026-03-18T15:00:00Z",
    });
    expect(await list("deadline=overdue")).toEqual([]);
    expect((await list("deadline=on_track")).map((i) => i.incidentKey)).toEqual([older, newer]);

    t.clock.set("2026-03-19T15:10:00Z");
    expect((await list("deadline=due")).map((i) => i.incidentKey)).toEqual([older]);

    t.clock.set("2026-03-20T16:00:00Z");
    const overdue = await list("deadline=overdue");
    expect(overdue.map((i) => i.incidentKey)).toEqual([older, newer]);
    expect(overdue[0]).toEqual({
      incidentKey: older,
      title: "Older",
      severity: "P2",
      status: "draft",
      resolvedAt: "2026-03-18T15:00:00Z",
      deadlines: {
        meeting: {
          state: "overdue",
          dueAt: "2026-03-19T15:00:00Z",
          overdueAt: "2026-03-20T15:00:00Z",
          secondsLeft: -3600,
        },
        publish: {
          state: "on_track",
          dueAt: "2026-03-25T15:00:00Z",
          overdueAt: "2026-03-25T15:00:00Z",
          secondsLeft: 5 * 24 * 3600 - 3600,
        },
      },
    });
    t.clock.set("2026-03-18T16:00:00Z");
  });

  it("answers 400 naming an unknown deadline state, and 401 without credentials", async () => {
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/v1/postmortems?deadline=late",
      headers: t.as("viewer"),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path)).toEqual(["deadline"]);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/postmortems" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the post-mortem JSON", () => {
  it("carries whether one is needed and why, an editor's override, and the deadlines", async () => {
    const key = await t.openIncident({
      severity: "P3",
      customerImpact: true,
      status: "resolved",
      resolvedAt: "2026-03-18T15:00:00Z",
    });
    const read = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/incidents/${key}/postmortem`,
          headers: t.as("viewer"),
        })
      ).json<Postmortem>();
    const before = await read();
    expect(before.required).toEqual({
      decision: "always",
      reasons: ["customer impact"],
      computed: { decision: "always", reasons: ["customer impact"] },
      override: null,
      reason: null,
    });
    expect(before.deadlines.meeting).toMatchObject({
      dueAt: "2026-03-19T15:00:00Z",
      overdueAt: "2026-03-20T15:00:00Z",
    });
    expect(before.deadlines.publish).toMatchObject({ dueAt: "2026-03-25T15:00:00Z" });

    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/incidents/${key}/postmortem`,
      headers: t.as("editor", { "if-match": `"${before.version}"` }),
      payload: { required: { decision: "usually", reason: "impact was one test account" } },
    });
    expect(patched.statusCode).toBe(200);
    expect((await read()).required).toMatchObject({
      decision: "usually",
      reasons: ["decided by hand: impact was one test account"],
      computed: { decision: "always" },
      override: { decision: "usually", reason: "impact was one test account" },
    });
  });
});
