import { RULE_IDS, type Finding, type RuleId, type Severity } from "./finding.ts";

/** Points one finding takes off the score, by severity. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 10, warning: 4, info: 1 };

/** The most one rule can take off, so a single noisy rule cannot sink a document on its own. */
export const RULE_CAP = 25;

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface QualitySummary extends SeverityCounts {
  /** Every rule id, with how many findings it reported (0 included). */
  byRule: Record<RuleId, number>;
  /** 0–100, see `qualityScore`. */
  score: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/**
 * The document's quality score: 100 minus, for each rule, the sum of its findings' weights
 * (error 10, warning 4, info 1) capped at 25 per rule; never below 0, rounded to an integer.
 */
export function qualityScore(findings: readonly Finding[]): number {
  const byRule = new Map<RuleId, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + SEVERITY_WEIGHT[f.severity]);
  let deduction = 0;
  for (const points of byRule.values()) deduction += Math.min(RULE_CAP, points);
  return Math.max(0, Math.round(100 - deduction));
}

/** Counts by rule and severity, and the score, for one document's findings. */
export function summarize(findings: readonly Finding[]): QualitySummary {
  const byRule = Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as Record<RuleId, number>;
  for (const f of findings) byRule[f.ruleId]++;
  return { byRule, ...countBySeverity(findings), score: qualityScore(findings) };
}
