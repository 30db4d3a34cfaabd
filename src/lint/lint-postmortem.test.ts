import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { exportPostmortem } from "../postmortems/export/export-postmortem.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import type { Finding } from "./finding.ts";
import { lintPostmortem, PostmortemLint, sectionHeadingLines, withOffsets } from "./lint-postmortem.ts";

const BLAME = "John was careless and pushed the bad config.";

describe("withOffsets", () => {
  const markdown = [
    "---",
    "## not a heading: front matter",
    "---",
    "# Title",
    "## Root Cause",
    "First line.",
    "",
    "```",
    "## not a heading: code",
    "```",
    "Last line.",
    "## Action Items",
  ].join("\n");
  const at = (line: number, section: string | null): Finding => ({
    ruleId: "blame-language",
    severity: "error",
    message: "m",
    line,
    column: 1,
    section,
    suggestion: null,
  });

  it("finds the ## headings outside front matter and code blocks", () => {
    expect(sectionHeadingLines(markdown)).toEqual([5, 12]);
  });

  it("counts a finding's line from its section heading: 0 on the heading, 1 just below", () => {
    const found = withOffsets(markdown, [at(5, "Root Cause"), at(6, "Root Cause"), at(11, "Root Cause")]);
    expect(found.map((f) => f.offset)).toEqual([0, 1, 6]);
  });

  it("keeps the document line as the offset before the first section", () => {
    expect(withOffsets(markdown, [at(2, null)])[0]!.offset).toBe(2);
  });
});

describe("lintPostmortem", () => {
  let testDb: TestDb;
  let ctx: Ctx;

  beforeAll(async () => {
    testDb = await createTestDb();
    ctx = buildCtx(testDb.db);
  });
  afterAll(() => testDb.destroy());

  it("finds blame in the stored root cause, located by section and offset, and scores it", async () => {
    const { key } = await buildIncident(ctx);
    const rootCause = `A config with a typo reached the edge proxies.\n\n${BLAME}`;
    const pm = await updatePostmortem(ctx, key, { rootCause }, 1);
    const result = PostmortemLint.parse(await lintPostmortem(ctx, key));
    expect(result).toMatchObject({ key, postmortemVersion: pm.version });

    const blame = result.findings.filter((f) => f.ruleId === "blame-language");
    const markdown = (await exportPostmortem(ctx, key, "md")).body.split("\n");
    expect(blame).toHaveLength(1);
    expect(blame[0]).toMatchObject({ section: "Root Cause", offset: 3, severity: "error" });
    expect(markdown[blame[0]!.line - 1]).toBe(BLAME);
    expect(markdown[blame[0]!.line - 1 - 3]).toBe("## Root Cause");

    expect(result.summary.byRule["blame-language"]).toBe(1);
    expect(result.summary.errors).toBeGreaterThanOrEqual(1);
    expect(result.summary.score).toBeLessThanOrEqual(90);
  });

  it("answers NOT_FOUND for an incident that does not exist", async () => {
    const error = await lintPostmortem(ctx, "INC-987654").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });
});
