import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { createActionItem } from "../actions/create-action-item.ts";
import { updateActionItem } from "../actions/update-action-item.ts";
import type { CreateIncidentInput } from "../incidents/incident.ts";
import { lintPostmortem } from "../lint/lint-postmortem.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { publishPostmortem } from "../process/publish-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import type { DomainError } from "../shared/errors.ts";
import { computeInsights } from "./compute-insights.ts";

const HOUR = 3600;
const DAY = 24 * HOUR;
const PERIOD = { from: "2026-01-01", to: "2026-04-01" };

let testDb: TestDb;
let ctx: Ctx;
const clock = fixedClock("2026-01-01T00:00:00Z");
const keys: Record<"a" | "b" | "c" | "d", string> = { a: "", b: "", c: "", d: "" };

async function incidentAt(input: Partial<CreateIncidentInput>): Promise<string> {
  clock.set(input.resolvedAt ?? input.startedAt!);
  return (await buildIncident(ctx, { status: input.resolvedAt ? "resolved" : "open", ...input })).key;
}

async function itemAt(key: string, createdAt: string, dueDate: string): Promise<number> {
  clock.set(createdAt);
  return (await createActionItem(ctx, key, { title: "Alert on disk usage above 80%", owner: "Ana", dueDate }))
    .id;
}

async function reviewed(key: string, factors: string[], heldAt: string): Promise<void> {
  await updatePostmortem(ctx, key, {
    rootCause: "The disk filled up because log rotation was off.",
    detection: "A customer reported errors.",
    resolution: "We freed disk space and turned rotation back on.",
    contributingFactors: factors,
  });
  clock.set(heldAt);
  await updateMeeting(ctx, key, { heldAt, attendees: [{ name: "Ana" }, { name: "Ben" }] });
}

async function publishAt(key: string, publishedAt: string): Promise<void> {
  clock.set(publishedAt);
  await publishPostmortem(ctx, key, {});
}

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock });
  // Resolved after 1 h, detected after 10 min; meeting 24 h and publication 3 days after resolution.
  keys.a = await incidentAt({
    severity: "P1",
    startedAt: "2026-01-10T10:00:00Z",
    detectedAt: "2026-01-10T10:10:00Z",
    resolvedAt: "2026-01-10T11:00:00Z",
    tags: ["database", "payments"],
    services: ["checkout-api"],
  });
  // Resolved after 2 h, detected after 20 min; meeting 48 h and publication 10 days after resolution.
  keys.b = await incidentAt({
    severity: "P2",
    startedAt: "2026-01-20T08:00:00Z",
    detectedAt: "2026-01-20T08:20:00Z",
    resolvedAt: "2026-01-20T10:00:00Z",
    tags: ["Database"],
    services: ["checkout-api"],
  });
  // Resolved after 30 min, never published although P2 needs it.
  keys.c = await incidentAt({
    severity: "P2",
    startedAt: "2026-03-05T00:00:00Z",
    detectedAt: "2026-03-05T00:05:00Z",
    resolvedAt: "2026-03-05T00:30:00Z",
    tags: ["payments"],
    services: ["search"],
  });
  // Still open; a false alarm needs no post-mortem.
  keys.d = await incidentAt({
    severity: "P3",
    startedAt: "2026-03-20T00:00:00Z",
    tags: ["false-alarm"],
    services: ["web"],
  });
  // Just outside the period on either side.
  await incidentAt({
    severity: "P1",
    startedAt: "2025-12-31T23:59:59Z",
    tags: ["database"],
    services: ["web"],
  });
  await incidentAt({
    severity: "P1",
    startedAt: "2026-04-01T00:00:00Z",
    tags: ["payments"],
    services: ["web"],
  });

  const a1 = await itemAt(keys.a, "2026-01-12T00:00:00Z", "2026-03-01");
  await itemAt(keys.a, "2026-01-12T00:00:00Z", "2026-02-01");
  const b1 = await itemAt(keys.b, "2026-01-25T00:00:00Z", "2026-03-01");
  const b2 = await itemAt(keys.b, "2026-01-25T00:00:00Z", "2026-03-01");
  const c1 = await itemAt(keys.c, "2026-03-06T00:00:00Z", "2026-12-01");
  clock.set("2026-01-15T00:00:00Z");
  await updateActionItem(ctx, a1, { status: "done" });
  clock.set("2026-01-26T00:00:00Z");
  await updateActionItem(ctx, b1, { status: "done" });
  await updateActionItem(ctx, b2, { status: "wont_do", wontDoReason: "Replaced by the new disk alert" });
  clock.set("2026-03-07T00:00:00Z");
  await updateActionItem(ctx, c1, { status: "in_progress" });

  await reviewed(keys.a, ["Disk alerts were too late.", "No runbook"], "2026-01-11T11:00:00Z");
  await publishAt(keys.a, "2026-01-13T11:00:00Z");
  await reviewed(keys.b, ["disk alerts were  too late"], "2026-01-22T10:00:00Z");
  await publishAt(keys.b, "2026-01-30T10:00:00Z");
  await updatePostmortem(ctx, keys.c, { contributingFactors: ["No runbook!"] });
  clock.set("2026-04-15T12:00:00Z");
});
afterAll(() => testDb.destroy());

describe("computeInsights", () => {
  it("counts incidents by severity and month, with empty months as zeros and the bounds respected", async () => {
    const insights = await computeInsights(ctx, PERIOD);
    expect(insights.period).toEqual({ from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
    expect(insights.incidents.total).toBe(4);
    expect(insights.incidents.bySeverity).toEqual({ P1: 1, P2: 2, P3: 1 });
    expect(insights.incidents.byMonth).toEqual([
      { month: "2026-01", P1: 1, P2: 1, P3: 0, total: 2 },
      { month: "2026-02", P1: 0, P2: 0, P3: 0, total: 0 },
      { month: "2026-03", P1: 0, P2: 1, P3: 1, total: 2 },
    ]);
  });

  it("gives median and nearest-rank p90 of time to detect and to resolve", async () => {
    const insights = await computeInsights(ctx, PERIOD);
    expect(insights.timeToDetect).toMatchObject({ count: 3, medianSeconds: 600, p90Seconds: 1200 });
    expect(insights.timeToResolve).toMatchObject({ count: 3, medianSeconds: HOUR, p90Seconds: 2 * HOUR });
    expect(insights.timeToResolve.byMonth).toEqual([
      { month: "2026-01", count: 2, medianSeconds: 1.5 * HOUR, p90Seconds: 2 * HOUR },
      { month: "2026-02", count: 0, medianSeconds: null, p90Seconds: null },
      { month: "2026-03", count: 1, medianSeconds: 1800, p90Seconds: 1800 },
    ]);
  });

  it("measures the review: meeting and publication after resolution, the share published within a week", async () => {
    const { review } = await computeInsights(ctx, PERIOD);
    expect(review.timeToMeeting).toEqual({ count: 2, medianSeconds: 1.5 * DAY, p90Seconds: 2 * DAY });
    expect(review.timeToPublish).toEqual({ count: 2, medianSeconds: 6.5 * DAY, p90Seconds: 10 * DAY });
    // A within the week, B after it, C unpublished with its week gone; D is skipped and still open.
    expect(review.publishedWithinWeekShare).toBe(0.3333);
    expect(review.published).toBe(2);
    expect(review.requiredButUnpublished).toBe(1);
  });

  it("counts action items opened, completed, overdue and won't do, and the median days to close", async () => {
    const { actionItems } = await computeInsights(ctx, PERIOD);
    expect(actionItems).toEqual({
      opened: 5,
      completed: 2,
      overdue: 1,
      wontDo: 1,
      medianDaysToClose: 2,
      byMonth: [
        { month: "2026-01", opened: 4, completed: 2 },
        { month: "2026-02", opened: 0, completed: 0 },
        { month: "2026-03", opened: 1, completed: 0 },
      ],
    });
  });

  it("lists tags, services and contributing factors repeated across incidents, ignoring case and punctuation", async () => {
    const { recurring } = await computeInsights(ctx, PERIOD);
    expect(recurring.tags).toEqual([
      { value: "Database", incidents: 2 },
      { value: "payments", incidents: 2 },
    ]);
    expect(recurring.services).toEqual([{ value: "checkout-api", incidents: 2 }]);
    expect(recurring.contributingFactors).toEqual([
      { text: "Disk alerts were too late.", incidents: 2 },
      { text: "No runbook", incidents: 2 },
    ]);
  });

  it("narrows every figure to one severity, service or tag", async () => {
    const p2 = await computeInsights(ctx, { ...PERIOD, severity: "P2" });
    expect(p2.incidents.bySeverity).toEqual({ P1: 0, P2: 2, P3: 0 });
    expect(p2.filters).toEqual({ severity: "P2", service: null, tag: null });
    const payments = await computeInsights(ctx, { ...PERIOD, tag: "payments" });
    expect(payments.incidents.total).toBe(2);
    expect(payments.actionItems.opened).toBe(3);
    const search = await computeInsights(ctx, { ...PERIOD, service: "search" });
    expect(search.timeToResolve).toMatchObject({ count: 1, medianSeconds: 1800 });
    expect(search.recurring.contributingFactors).toEqual([]);
  });

  it("defaults to the twelve calendar months up to now", async () => {
    const insights = await computeInsights(ctx);
    expect(insights.period).toEqual({ from: "2025-05-01T00:00:00Z", to: "2026-04-15T12:00:00Z" });
    expect(insights.incidents.byMonth.map((m) => m.month)).toEqual([
      ...["05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2025-${m}`),
      ...["01", "02", "03", "04"].map((m) => `2026-${m}`),
    ]);
    expect(insights.incidents.total).toBe(6);
  });

  it("refuses a period that is empty, reversed, longer than five years or badly written, naming from", async () => {
    const paths = async (input: Record<string, unknown>) =>
      computeInsights(ctx, input).then(
        () => [],
        (error: DomainError) => error.errors.map((e) => e.path),
      );
    expect(await paths({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["from"]);
    expect(await paths({ from: "2026-03-01", to: "2026-02-01" })).toEqual(["from"]);
    expect(await paths({ from: "2020-01-01", to: "2025-01-02" })).toEqual(["from"]);
    expect(await paths({ from: "2021-01-01", to: "2026-01-01" })).toEqual([]);
    expect(await paths({ from: "2026-02-30" })).toEqual(["from"]);
    expect(await paths({ from: "2026-01-01T00:00:00+01:00" })).toEqual(["from"]);
    expect(await paths({ from: "2026-01-01", unknown: 1 })).toEqual(["unknown"]);
  });
  it("counts linter findings of the reviewed post-mortems as the lint route does, and sees the next edit", async () => {
    const expected = async () =>
      (await lintPostmortem(ctx, keys.a)).findings.length +
      (await lintPostmortem(ctx, keys.b)).findings.length;
    const before = await expected();
    const first = await computeInsights(ctx, PERIOD);
    expect(first.lint.byMonth).toEqual([
      {
        month: "2026-01",
        postmortems: 2,
        findings: before,
        perPostmortem: Math.round((before / 2) * 100) / 100,
      },
      { month: "2026-02", postmortems: 0, findings: 0, perPostmortem: null },
      { month: "2026-03", postmortems: 0, findings: 0, perPostmortem: null },
    ]);
    // Adding an action item leaves the post-mortem's own version alone; the count must still move.
    await createActionItem(ctx, keys.a, { title: "Be more careful" });
    const after = await expected();
    expect(after).toBeGreaterThan(before);
    expect((await computeInsights(ctx, PERIOD)).lint.byMonth[0]!.findings).toBe(after);
  });
});
