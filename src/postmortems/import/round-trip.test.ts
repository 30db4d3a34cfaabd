import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import { ActionItemStatuses, ActionItemTypes, Priorities } from "../../actions/action-item.ts";
import { IncidentSources } from "../../incidents/incident.ts";
import { fixedClock } from "../../shared/clock.ts";
import type { Ctx } from "../../shared/context.ts";
import { toUtcIso } from "../../shared/time.ts";
import { TimelineKinds, TimelineSources } from "../../timeline/timeline-entry.ts";
import { ChecklistItems } from "../checklist.ts";
import { exportPostmortem } from "../export/export-postmortem.ts";
import type { PostmortemRecord } from "../export/postmortem-record.ts";
import { renderMarkdown } from "../export/render-markdown.ts";
import { PostmortemStatuses, RequiredDecisions } from "../postmortem.ts";
import { importPostmortem } from "./import-postmortem.ts";

const NOW = "2026-06-01T00:00:00Z";
const BASE = Date.parse("2026-01-01T00:00:00Z");
const SPECIALS = [
  "*",
  "_",
  "[",
  "]",
  "#",
  "|",
  "<",
  ">",
  "`",
  "\\",
  "~",
  "&",
  "!",
  "-",
  "+",
  ".",
  "(",
  ")",
  ":",
];
const LETTERS = [
  "a",
  "B",
  "7",
  " ",
  "é",
  "日本",
  "🙂",
  "ß",
  "Ω",
  "&amp;",
  " - ",
  "Owner: ",
  "Due: 2026-01-02",
];

const unit = fc.constantFrom(...SPECIALS, ...LETTERS);
/** Trimmed, non-empty text full of Markdown syntax and Unicode, as the domain stores it. */
const words = (maxLength = 30) =>
  fc
    .string({ unit, minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
/** Free text with line breaks and blank lines; may be empty. */
const prose = fc
  .array(fc.oneof(words(), fc.constant("\n"), fc.constant("\n\n")), { maxLength: 6 })
  .map((parts) => parts.join(""));
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const iso = (ms: number) => toUtcIso(new Date(ms));
const url = fc.stringMatching(/^[a-z0-9]{1,10}$/).map((p) => `https://example.com/${p}`);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const record = fc
  .record({
    title: words(60),
    start: fc.integer({ min: 0, max: 90 * 86_400 }).map((s) => BASE + s * 1000),
    length: fc.integer({ min: 0, max: 2 * 86_400 }),
    state: fc.constantFrom("open", "mitigated", "resolved"),
    impact: fc.oneof(fc.constant(""), words()),
    severity: fc.constantFrom("P1", "P2", "P3"),
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    services: fc.uniqueArray(label, { maxLength: 3 }),
    tags: fc.uniqueArray(label, { maxLength: 3 }),
    source: fc.constantFrom(...IncidentSources),
    timeline: fc.array(
      fc.record({
        // Up to two days after the start, so entries cross midnight.
        offset: fc.integer({ min: 0, max: 2 * 86_400 }),
        kind: fc.constantFrom(...TimelineKinds),
        text: words(),
        author: maybe(words(10)),
        source: fc.constantFrom(...TimelineSources),
      }),
      { maxLength: 6 },
    ),
    pmStatus: fc.constantFrom(...PostmortemStatuses),
    required: maybe(fc.record({ decision: fc.constantFrom(...RequiredDecisions), reason: words() })),
    summary: prose,
    rootCause: prose,
    detection: prose,
    resolution: prose,
    factors: fc.array(words(), { maxLength: 3 }),
    wentWell: fc.array(words(), { maxLength: 3 }),
    toImprove: fc.array(words(), { maxLength: 3 }),
    appendix: fc.array(fc.record({ title: words(), url }), { maxLength: 3 }),
    ticks: fc.subarray(ChecklistItems.map((i) => i.key)),
    items: fc.array(
      fc.record({
        title: words(),
        owner: maybe(words(15)),
        dueDate: maybe(fc.constantFrom("2026-03-01", "2026-12-31")),
        type: fc.constantFrom(...ActionItemTypes),
        priority: fc.constantFrom(...Priorities),
        status: fc.constantFrom(...ActionItemStatuses),
        reason: words(),
        externalUrl: maybe(url),
      }),
      { maxLength: 4 },
    ),
    whys: fc.array(fc.record({ text: words(), children: fc.array(words(), { maxLength: 2 }) }), {
      maxLength: 3,
    }),
    linkWhys: fc.boolean(),
    meeting: maybe(
      fc.record({
        durationMinutes: fc.integer({ min: 5, max: 480 }),
        facilitator: maybe(words(10)),
        attendees: fc.array(fc.record({ name: words(10), email: maybe(fc.constant("a@example.com")) }), {
          maxLength: 2,
        }),
        notes: fc.dictionary(label, prose, { maxKeys: 2 }),
      }),
    ),
  })
  .map((g): PostmortemRecord => {
    const startedAt = iso(g.start);
    const end = iso(g.start + g.length * 1000);
    const at = iso(g.start + 60_000);
    const items = g.items.map((item, i) => ({
      id: i + 1,
      title: item.title,
      owner: item.owner,
      dueDate: item.dueDate,
      type: item.type,
      priority: item.priority,
      status: item.status,
      wontDoReason: item.status === "wont_do" ? item.reason : null,
      externalUrl: item.externalUrl,
      completedAt: item.status === "done" ? at : null,
    }));
    return {
      format: "hindsight.postmortem.v1",
      incident: {
        key: "INC-1",
        title: g.title,
        severity: g.severity,
        status: g.state,
        startedAt,
        detectedAt: g.flags[0] ? startedAt : null,
        mitigatedAt: g.state === "open" ? null : end,
        resolvedAt: g.state === "resolved" ? end : null,
        impact: g.impact,
        customerImpact: g.flags[0],
        dataLoss: g.flags[1],
        security: g.flags[2],
        services: [...g.services].sort(),
        tags: [...g.tags].sort(),
        source: g.source,
      },
      timeline: g.timeline
        .map((e) => ({ ...e, occurredAt: iso(g.start + e.offset * 1000) }))
        .sort((a, b) => a.offset - b.offset),
      postmortem: {
        status: g.pmStatus,
        required: g.required ?? { decision: null, reason: null },
        summary: g.summary,
        rootCause: g.rootCause,
        contributingFactors: g.factors,
        detection: g.detection,
        resolution: g.resolution,
        lessons: { wentWell: g.wentWell, toImprove: g.toImprove },
        appendix: g.appendix,
        publishedAt: g.pmStatus === "published" || g.pmStatus === "closed" ? at : null,
        closedAt: g.pmStatus === "closed" ? at : null,
        checklist: g.ticks.map((item) => ({ item, tickedBy: "Sam", tickedAt: at })),
      },
      actionItems: items,
      fiveWhys: g.whys.map((why, i) => ({
        text: why.text,
        actionItemId: g.linkWhys && i < items.length ? i + 1 : null,
        children: why.children.map((text) => ({ text, actionItemId: null, children: [] })),
      })),
      meeting: g.meeting && { ...g.meeting, scheduledAt: at, heldAt: null },
    } as unknown as PostmortemRecord;
  });

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock(NOW) });
});
afterAll(() => testDb.destroy());

describe("importPostmortem round trip", () => {
  it("gives back the same bytes on export for any post-mortem", async () => {
    await fc.assert(
      fc.asyncProperty(record, async (generated) => {
        const markdown = renderMarkdown(generated);
        const { key } = await importPostmortem(ctx, markdown);
        const expected = renderMarkdown({ ...generated, incident: { ...generated.incident, key } });
        expect((await exportPostmortem(ctx, key, "md")).body).toBe(expected);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
