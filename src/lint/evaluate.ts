import { defaultConfig, type LintConfig } from "./config.ts";
import type { RuleId } from "./finding.ts";
import { lintMarkdown } from "./lint.ts";

/** The labels of `lint-dev-set.jsonl` that a sentence rule answers for, and the rule that should fire. */
export const DEV_SET_RULES = {
  blame: "blame-language",
  shallow: "shallow-analysis",
  vague_action: "vague-action-item",
} as const satisfies Record<string, RuleId>;
export type DevSetLabel = keyof typeof DEV_SET_RULES;
const LABELS = Object.keys(DEV_SET_RULES) as DevSetLabel[];

export interface LabelScore {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when the rule flagged nothing. */
  precision: number;
  /** tp / (tp + fn); 1 when no line carries the label. */
  recall: number;
}

export interface DevSetScore {
  byLabel: Record<DevSetLabel, LabelScore>;
  /** `none` lines flagged by any of the three sentence rules. */
  noneFlagged: number;
  noneTotal: number;
  /** noneFlagged / noneTotal (0 when there are no `none` lines). */
  share: number;
  /** The `none` lines that were flagged, and the lines each rule missed or wrongly flagged, for reading. */
  mistakes: { text: string; labels: string[]; flagged: DevSetLabel[] }[];
}

const ratio = (part: number, whole: number, empty: number) => (whole === 0 ? empty : part / whole);

/**
 * Scores the sentence rules on labelled lines as `lint-dev-set.md` says: each text is linted alone, and a
 * line counts as flagged for a label when that label's rule reports it; other rules are not counted.
 */
export function scoreDevSet(
  lines: { text: string; labels: string[] }[],
  config: LintConfig = defaultConfig(),
): DevSetScore {
  const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<
    DevSetLabel,
    { tp: number; fp: number; fn: number }
  >;
  let noneFlagged = 0;
  let noneTotal = 0;
  const mistakes: DevSetScore["mistakes"] = [];
  for (const line of lines) {
    const ruleIds = new Set(lintMarkdown(line.text, config).map((f) => f.ruleId));
    const flagged = LABELS.filter((label) => ruleIds.has(DEV_SET_RULES[label]));
    let wrong = false;
    for (const label of LABELS) {
      const expected = line.labels.includes(label);
      const got = flagged.includes(label);
      if (expected && got) counts[label].tp++;
      else if (got) counts[label].fp++;
      else if (expected) counts[label].fn++;
      wrong ||= expected !== got;
    }
    if (line.labels.includes("none")) {
      noneTotal++;
      if (flagged.length > 0) noneFlagged++;
    }
    if (wrong) mistakes.push({ text: line.text, labels: line.labels, flagged });
  }
  const byLabel = Object.fromEntries(
    LABELS.map((label) => {
      const { tp, fp, fn } = counts[label];
      return [label, { tp, fp, fn, precision: ratio(tp, tp + fp, 1), recall: ratio(tp, tp + fn, 1) }];
    }),
  ) as Record<DevSetLabel, LabelScore>;
  return { byLabel, noneFlagged, noneTotal, share: ratio(noneFlagged, noneTotal, 0), mistakes };
}
