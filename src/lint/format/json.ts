import type { Finding } from "../finding.ts";

/** One linted file: its name as the user gave it, its text (for excerpts), and the findings in line order. */
export interface FileResult {
  file: string;
  source: string;
  findings: Finding[];
}

/** A finding as the lint JSON contract (SPEC §9) writes it, keys always in this order. */
export interface JsonFinding {
  ruleId: Finding["ruleId"];
  severity: Finding["severity"];
  message: string;
  line: number;
  column: number;
  section: string | null;
  suggestion: string | null;
}

export function jsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    section: f.section,
    suggestion: f.suggestion,
  };
}

/**
 * The SPEC §9 lint JSON: an array with one object per file, files without findings included, so a
 * script can tell "clean" from "not linted".
 */
export function formatJson(results: FileResult[]): string {
  const files = results.map((r) => ({ file: r.file, findings: r.findings.map(jsonFinding) }));
  return `${JSON.stringify(files, null, 2)}\n`;
}
