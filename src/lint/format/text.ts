import pc from "picocolors";
import type { Severity } from "../finding.ts";
import { countBySeverity } from "../quality.ts";
import type { FileResult } from "./json.ts";

export interface TextOptions {
  color: boolean;
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

const EXCERPT_WIDTH = 100;

/** The finding's line without its indentation, cut to a window around the column when it is long. */
export function excerpt(source: string, line: number, column: number): string {
  const text = (source.split(/\r\n?|\n/)[line - 1] ?? "").replace(/\t/g, " ");
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.length <= EXCERPT_WIDTH) return trimmed;
  const from = Math.max(0, Math.min(column - 1 - start - 20, trimmed.length - EXCERPT_WIDTH));
  const cut = trimmed.slice(from, from + EXCERPT_WIDTH);
  return `${from > 0 ? "…" : ""}${cut}${from + EXCERPT_WIDTH < trimmed.length ? "…" : ""}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Findings for people: grouped by file, each as `line:col  severity  message  [rule-id]` with the
 * line it is about and the suggestion, then one line counting everything.
 */
export function formatText(results: FileResult[], options: TextOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(c.underline(result.file));
    const where = result.findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...where.map((w) => w.length));
    const indent = " ".repeat(2 + width + 2 + 7 + 2);
    result.findings.forEach((f, i) => {
      const severity = paint[f.severity](f.severity.padEnd(7));
      out.push(`  ${c.dim(where[i]!.padEnd(width))}  ${severity}  ${f.message}  ${c.dim(`[${f.ruleId}]`)}`);
      const text = excerpt(result.source, f.line, f.column);
      if (text !== "") out.push(`${indent}${c.dim(`> ${text}`)}`);
      if (f.suggestion) out.push(`${indent}${c.green(`hint: ${f.suggestion}`)}`);
    });
    out.push("");
  }
  out.push(summaryLine(results, c));
  return `${out.join("\n")}\n`;
}

function summaryLine(results: FileResult[], c: ReturnType<typeof pc.createColors>): string {
  const files = plural(results.length, "file");
  const findings = results.flatMap((r) => r.findings);
  if (findings.length === 0) return c.green(`No problems found in ${files}.`);
  const { errors, warnings, infos } = countBySeverity(findings);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const line =
    `${plural(findings.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}, ` +
    `${infos} info) in ${withFindings} of ${files}`;
  return errors > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line));
}
