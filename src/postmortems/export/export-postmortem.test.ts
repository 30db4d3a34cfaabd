import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import { createIncident } from "../../incidents/create-incident.ts";
import { fixedClock } from "../../shared/clock.ts";
import type { Ctx } from "../../shared/context.ts";
import { DomainError } from "../../shared/errors.ts";
import { addTimelineEntry } from "../../timeline/add-timeline-entry.ts";
import { buildFullPostmortem, FULL_CLOCK } from "./__fixtures__/full-postmortem.ts";
import { exportPostmortem } from "./export-postmortem.ts";
import { loadPostmortemRecord, PostmortemRecord } from "./postmortem-record.ts";
import { renderHtml } from "./render-html.ts";

let testDb: TestDb;
let ctx: Ctx;
let key: string;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock(FULL_CLOCK) });
  key = await buildFullPostmortem(ctx);
});
afterAll(() => testDb.destroy());

describe("exportPostmortem", () => {
  it("exports the whole record as JSON that the PostmortemRecord schema accepts", async () => {
    const exported = await exportPostmortem(ctx, key, "json");
    expect(exported).toMatchObject({ contentType: "application/json", filename: `${key}.json` });
    const record = PostmortemRecord.parse(JSON.parse(exported.body));
    expect(record.format).toBe("hindsight.postmortem.v1");
    expect(record.timeline).toHaveLength(6);
    expect(record.actionItems.map((i) => i.status)).toEqual([
      "open",
      "done",
      "in_progress",
      "wont_do",
      "open",
    ]);
    expect(record.fiveWhys[0]!.children[0]!.children[1]!.actionItemId).toBe(record.actionItems[4]!.id);
    expect(record.meeting).toMatchObject({
      facilitator: "Alex",
      attendees: [{ name: "Priya" }, { name: "Sam" }],
    });
    expect(record.postmortem.rootCause).toContain("leaked one database connection");
    expect(record.postmortem).not.toHaveProperty("meeting");
  });

  it("reads every timeline entry, past the first page", async () => {
    const busy = await createIncident(ctx, {
      title: "Long night",
      severity: "P2",
      startedAt: "2026-03-20T00:00:00Z",
    });
    for (let i = 0; i < 520; i += 1) {
      const at = new Date(Date.parse("2026-03-20T00:00:00Z") + i * 1000).toISOString().replace(".000", "");
      await addTimelineEntry(ctx, busy.key, { occurredAt: at, text: `Entry ${i}` });
    }
    const record = await loadPostmortemRecord(testDb.db, ctx.clock, busy.key);
    expect(record.timeline).toHaveLength(520);
    expect(record.timeline.at(-1)!.text).toBe("Entry 519");
  }, 60_000);

  it("names the file after the incident and the format", async () => {
    const md = await exportPostmortem(ctx, key.toLowerCase(), "md");
    expect(md).toMatchObject({ contentType: "text/markdown; charset=utf-8", filename: `${key}.md` });
    expect(md.body).toContain("\n# Checkout API outage\n");
    const html = await exportPostmortem(ctx, key, "html");
    expect(html).toMatchObject({ contentType: "text/html; charset=utf-8", filename: `${key}.html` });
  });

  it("refuses an unknown format, naming the field", async () => {
    const error = await exportPostmortem(ctx, key, "pdf").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors).toEqual([
      { path: "format", message: "must be one of md, json, html" },
    ]);
  });

  it("says which incident is missing", async () => {
    await expect(exportPostmortem(ctx, "INC-99999", "md")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("renderHtml", () => {
  it("makes one self-contained page with a charset, a print stylesheet and a metadata table", async () => {
    const html = (await exportPostmortem(ctx, key, "html")).body;
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${key}: Checkout API outage</title>`);
    expect(html).toContain("@media print");
    expect(html).toMatch(/<th scope="row">Severity<\/th><td>P1<\/td>/);
    expect(html).toContain("<h2>Timeline (UTC)</h2>");
    expect(html).toContain('<a href="https://grafana.example.com/d/checkout">Dashboard</a>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain("<del>Rewrite the connection pool</del>");
    // No stylesheet, script, image or font is fetched from anywhere.
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/src=/i);
    expect(html).not.toMatch(/@import/i);
  });

  it("shows script in a title, a timeline entry or a section as text, never as markup", async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const incident = await createIncident(ctx, { title: attack, severity: "P3", impact: attack });
    await addTimelineEntry(ctx, incident.key, { occurredAt: "2026-03-20T10:00:00Z", text: attack });
    const html = (await exportPostmortem(ctx, incident.key, "html")).body;
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain('&#x3C;script>alert("x")&#x3C;/script>');
    expect(html).toContain(`<title>${incident.key}: &#x3C;script>`);
  });

  it("writes a link whose address is not http(s) as plain text", async () => {
    const record = await loadPostmortemRecord(testDb.db, ctx.clock, key);
    const html = renderHtml({
      ...record,
      postmortem: {
        ...record.postmortem,
        appendix: [
          { title: "Bad", url: "javascript:alert(1)" },
          { title: "Sneaky", url: " JaVaScRiPt:alert(1)" },
          { title: "Data", url: "data:text/html,<script>alert(1)</script>" },
        ],
      },
    });
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).toContain("<li>Bad</li>");
    expect(html).toContain("<li>Sneaky</li>");
  });
});
