/** A linter finding and the names the rest of Hindsight uses to talk about lint results (SPEC §4, §9). */

export const RULE_IDS = [
  "blame-language",
  "shallow-analysis",
  "vague-action-item",
  "action-item-owner",
  "action-item-due",
  "action-item-overload",
  "single-root-cause",
  "shallow-whys",
  "missing-section",
  "timeline",
  "no-meeting",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";

/** One problem in a document. `line` and `column` are 1-based in the text that was linted. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** The `##` section the finding is in ("Root Cause", "Action Items"…), null before the first one. */
  section: string | null;
  /** What to do instead; null only for rules whose message already says it. */
  suggestion: string | null;
}
