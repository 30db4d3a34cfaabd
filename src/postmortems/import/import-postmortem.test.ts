import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import type { Ctx } from "../../shared/context.ts";
import { DomainError } from "../../shared/errors.ts";
import { FULL_CLOCK } from "../export/__fixtures__/full-postmortem.ts";
import { exportPostmortem } from "../export/export-postmortem.ts";
import { importPostmortem } from "./import-postmortem.ts";

const FULL = readFileSync(new URL("../export/__fixtures__/full.md", import.meta.url), "utf8");

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock(FULL_CLOCK) });
});
afterAll(() => testDb.destroy());

async function incidentCount(): Promise<number> {
  const rows = await testDb.db.selectFrom("incidents").select("id").execute();
  return rows.length;
}

async function errorsOf(markdown: string): Promise<{ path: string; message: string }[]> {
  const error = await importPostmortem(ctx, markdown).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("VALIDATION");
  return (error as DomainError).errors;
}

describe("importPostmortem", () => {
  it("imports the golden document and exports the same bytes", async () => {
    const result = await importPostmortem(ctx, FULL);
    expect(result).toMatchObject({ status: "imported", key: "INC-1" });
    expect((await exportPostmortem(ctx, "INC-1", "md")).body).toBe(FULL);
  });

  it("reports re-importing the same bytes as unchanged and stores nothing new", async () => {
    const before = await incidentCount();
    expect(await importPostmortem(ctx, FULL)).toMatchObject({ status: "unchanged", key: "INC-1" });
    expect(await incidentCount()).toBe(before);
  });

  it("updates the named incident from an edited document without a duplicate", async () => {
    const before = await incidentCount();
    const edited = FULL.replace("**Severity:** P1", "**Severity:** P2").replace(
      "- 14:41 - Rolled back release 2026.03.18-2",
      "- 14:41 - Rolled back the release",
    );
    const result = await importPostmortem(ctx, edited);
    expect(result.status).toBe("updated");
    expect(await incidentCount()).toBe(before);
    const exported = (await exportPostmortem(ctx, "INC-1", "md")).body;
    expect(exported).toContain("**Severity:** P2");
    expect(exported).toBe(edited);
    expect(await importPostmortem(ctx, edited)).toMatchObject({ status: "unchanged" });
  });
});

const DOC = (date: string, duration: string, timeline: string) =>
  `# Broken\n\n**Date:** ${date}\n**Duration:** ${duration}\n**Impact:**\n**Severity:** P2\n\n## Timeline (UTC)\n${timeline}\n`;

describe("importPostmortem with errors", () => {
  it.each([
    [
      "an impossible date",
      DOC("2026-02-30", "10:00 - 11:00 UTC (60 minutes)", "- 10:00 - x"),
      3,
      /2026-02-30/,
    ],
    ["a five-digit year", DOC("22025-03-18", "10:00 - 11:00 UTC (60 minutes)", "- 10:00 - x"), 3, /22025/],
    [
      "a time written 11.50",
      DOC("2026-03-18", "10:00 - 12:00 UTC", "- 10:00 - a\n- 11.50 - b"),
      10,
      /11\.50/,
    ],
    ["a time written 1600", DOC("2026-03-18", "10:00 - 17:00 UTC", "- 1600 - a"), 9, /1600/],
    [
      "a resolution before the start",
      DOC("2026-03-18", "10:00 - 09:00 UTC (60 minutes)", "- 10:00 - a"),
      4,
      /before it started/,
    ],
  ])("names the line of %s and stores nothing", async (_, markdown, line, message) => {
    const before = await incidentCount();
    const errors = await errorsOf(markdown);
    expect(errors).toContainEqual({ path: `line ${line}`, message: expect.stringMatching(message) });
    expect(await incidentCount()).toBe(before);
  });

  it("takes the document's date for a line without one, and warns about an entry that goes back in time", async () => {
    const result = await importPostmortem(
      ctx,
      DOC("2026-03-18", "23:40 - 2026-03-19 00:50 UTC", "- 23:40 - a\n- 00:10 - b\n- 2026-03-19 00:20 - c"),
    );
    expect(result.status).toBe("imported");
    expect(result.warnings).toEqual([
      { line: 10, message: expect.stringMatching(/earlier than the entry before it/) },
    ]);
  });
});
