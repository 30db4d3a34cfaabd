import { z } from "zod";
import { loadPostmortemRecord } from "../postmortems/export/postmortem-record.ts";
import { renderMarkdown } from "../postmortems/export/render-markdown.ts";
import type { Ctx } from "../shared/context.ts";
import { defaultConfig } from "./config.ts";
import { RULE_IDS, type Finding } from "./finding.ts";
import { lintMarkdown } from "./lint.ts";
import { summarize } from "./quality.ts";

const RuleId = z.enum(RULE_IDS);

export const PostmortemFinding = z.object({
  ruleId: RuleId,
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  line: z
    .number()
    .int()
    .meta({ description: "1-based line in the exported Markdown (with its front matter)" }),
  column: z.number().int().meta({ description: "1-based column on that line" }),
  section: z.string().nullable().meta({ description: "The `##` section, null before the first one" }),
  offset: z.number().int().meta({
    description:
      "Line within the section: 0 is its heading, 1 the first line after it; before any section, the document line",
  }),
  suggestion: z.string().nullable(),
});
export type PostmortemFinding = z.infer<typeof PostmortemFinding>;

export const PostmortemLint = z.object({
  key: z.string().meta({ example: "INC-42" }),
  postmortemVersion: z.number().int().meta({ description: "The post-mortem version that was linted" }),
  findings: z.array(PostmortemFinding),
  summary: z.object({
    byRule: z.record(RuleId, z.number().int()).meta({ description: "Every rule id, with its finding count" }),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    score: z.number().int().min(0).max(100).meta({
      description: "100 minus 10 per error, 4 per warning, 1 per info, at most 25 per rule; never below 0",
    }),
  }),
});
export type PostmortemLint = z.infer<typeof PostmortemLint>;

/** The 1-based line of each `##` heading of a Markdown document, skipping front matter and code blocks. */
export function sectionHeadingLines(markdown: string): number[] {
  const lines = markdown.split(/\r\n?|\n/);
  const headings: number[] = [];
  let i = 0;
  if (lines[0] === "---") {
    const end = lines.indexOf("---", 1);
    if (end > 0) i = end + 1;
  }
  let fence: string | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (marker !== undefined) {
      fence = marker;
    } else if (/^ {0,3}##(?:[ \t]|$)/.test(line)) {
      headings.push(i + 1);
    }
  }
  return headings;
}

/** Adds to each finding its line within its section (0 for the heading line). */
export function withOffsets(markdown: string, findings: Finding[]): PostmortemFinding[] {
  const headings = sectionHeadingLines(markdown);
  return findings.map((f) => {
    const heading = f.section === null ? undefined : headings.findLast((line) => line <= f.line);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      section: f.section,
      offset: heading === undefined ? f.line : f.line - heading,
      suggestion: f.suggestion,
    };
  });
}

/**
 * Lints an incident's stored post-mortem as its Markdown export reads (default rules), from one consistent
 * snapshot, and scores it.
 */
export async function lintPostmortem(ctx: Ctx, key: string): Promise<PostmortemLint> {
  const record = await ctx.db.transaction().execute((trx) => loadPostmortemRecord(trx, ctx.clock, key));
  const markdown = renderMarkdown(record);
  const findings = lintMarkdown(markdown, defaultConfig());
  return {
    key: record.incident.key,
    postmortemVersion: record.postmortem.version,
    findings: withOffsets(markdown, findings),
    summary: summarize(findings),
  };
}
