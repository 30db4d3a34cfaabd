import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { listActionItems } from "../actions/action-item.repository.ts";
import { listIncidents } from "../incidents/incident.repository.ts";
import type { Incident } from "../incidents/incident.ts";
import { lintPostmortem } from "../lint/lint-postmortem.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import type { Postmortem } from "../postmortems/postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { listTimeline } from "../timeline/timeline.repository.ts";
import { TimelineKinds, type TimelineEntry } from "../timeline/timeline-entry.ts";
import { seedDemo, type SeededDemo } from "./seed-demo.ts";

const NOW = "2026-05-20T12:34:56Z";
const DAY = 24 * 60 * 60 * 1000;

let testDb: TestDb;
let ctx: Ctx;
let seeded: SeededDemo;
let incidents: Incident[];
const postmortems = new Map<string, Postmortem>();
const timelines = new Map<string, TimelineEntry[]>();

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock(NOW) });
  seeded = await seedDemo(ctx, {});
  incidents = (await listIncidents(testDb.db, { limit: 500 })).items;
  for (const incident of incidents) {
    postmortems.set(incident.key, await getPostmortemOrThrow(testDb.db, incident.key, new Date(NOW)));
    timelines.set(incident.key, (await listTimeline(testDb.db, incident.key, { limit: 1000 })).items);
  }
}, 60_000);
afterAll(() => testDb.destroy());

const count = <T>(values: T[]) =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});

describe("seedDemo", () => {
  it("writes a dozen incidents in every state, oldest first", () => {
    expect(incidents).toHaveLength(12);
    expect(seeded.incidents.map((i) => i.key)).toEqual(Array.from({ length: 12 }, (_, i) => `INC-${i + 1}`));
    expect(count(incidents.map((i) => i.status))).toEqual({ open: 1, mitigated: 1, resolved: 10 });
    expect(count(incidents.map((i) => i.severity))).toEqual({ P1: 3, P2: 6, P3: 3 });
    expect(count([...postmortems.values()].map((p) => p.status))).toEqual({
      closed: 2,
      published: 3,
      in_review: 2,
      draft: 5,
    });
    expect(new Set(incidents.flatMap((i) => i.services)).size).toBeGreaterThanOrEqual(15);
    expect(incidents.some((i) => i.security) && incidents.some((i) => i.customerImpact)).toBe(true);
  });

  it("spreads every kind of timeline entry over the last 60 days, none in the future", () => {
    const entries = [...timelines.values()].flat();
    expect(entries.length).toBe(seeded.incidents.reduce((sum, i) => sum + i.timelineEntries, 0));
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(TimelineKinds));
    const times = entries.map((e) => Date.parse(e.occurredAt));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse(NOW));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(NOW) - 60 * DAY);
    const live = incidents.find((i) => i.status === "open")!;
    const latest = timelines.get(live.key)!.at(-1)!;
    expect(Date.parse(NOW) - Date.parse(latest.occurredAt)).toBeLessThan(5 * 60 * 1000);
  });

  it("records held meetings with attendees and notes, and one still to come", () => {
    const meetings = [...postmortems.values()].flatMap((p) => (p.meeting ? [p.meeting] : []));
    const held = meetings.filter((m) => m.heldAt !== null);
    expect(held).toHaveLength(6);
    for (const meeting of held) {
      expect(meeting.attendees.length).toBeGreaterThanOrEqual(4);
      expect(Object.keys(meeting.notes)).toContain("root-cause");
    }
    expect(meetings.filter((m) => m.heldAt === null && m.scheduledAt! > NOW)).toHaveLength(1);
  });

  it("gives action items owners and due dates, some done, some won't do, some overdue", async () => {
    const items = (await listActionItems(testDb.db, fixedClock(NOW), { limit: 500 })).items;
    expect(items).toHaveLength(seeded.incidents.reduce((sum, i) => sum + i.actionItems, 0));
    expect(items.every((i) => i.owner !== null && i.dueDate !== null)).toBe(true);
    expect(count(items.map((i) => i.status))).toEqual({ open: 10, in_progress: 4, done: 11, wont_do: 1 });
    expect(items.filter((i) => i.overdue).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.whyNodeId !== null).length).toBeGreaterThanOrEqual(8);
    const closed = [...postmortems.entries()].filter(([, p]) => p.status === "closed").map(([key]) => key);
    for (const item of items.filter((i) => closed.includes(i.incidentKey))) {
      expect(["done", "wont_do"]).toContain(item.status);
    }
  });

  it("creates an admin, an editor and a viewer with passwords shown once", () => {
    expect(seeded.users.map((u) => u.role)).toEqual(["admin", "editor", "viewer"]);
    expect(seeded.users.every((u) => (u.password ?? "").length >= 12)).toBe(true);
  });

  it("leaves the linter blame language to find in drafts, and none in what was published", async () => {
    const blamed: string[] = [];
    for (const incident of incidents) {
      const lint = await lintPostmortem(ctx, incident.key);
      if (lint.findings.some((f) => f.ruleId === "blame-language")) blamed.push(incident.key);
    }
    expect(blamed.length).toBeGreaterThanOrEqual(2);
    for (const key of blamed) expect(["draft", "in_review"]).toContain(postmortems.get(key)!.status);
  }, 30_000);

  it("refuses a database that already holds incidents, changing nothing", async () => {
    const error = await seedDemo(ctx, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("CONFLICT");
    expect((await listIncidents(testDb.db, { limit: 500 })).items).toHaveLength(12);
  });

  it("with force, adds the same stories again from the same clock and keeps the existing users", async () => {
    const again = await seedDemo(ctx, { force: true });
    expect(again.incidents.map((i) => i.key)).toEqual(Array.from({ length: 12 }, (_, i) => `INC-${i + 13}`));
    expect(again.users.every((u) => u.password === null)).toBe(true);
    for (const [i, played] of again.incidents.entries()) {
      const first = seeded.incidents[i]!;
      const strip = (entries: TimelineEntry[]) => entries.map((e) => [e.occurredAt, e.kind, e.text]);
      const second = (await listTimeline(testDb.db, played.key, { limit: 1000 })).items;
      expect(strip(second)).toEqual(strip(timelines.get(first.key)!));
      expect({ ...played, key: "" }).toEqual({ ...first, key: "" });
    }
  }, 60_000);
});
