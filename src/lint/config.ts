/** The resolved linter configuration (defaults merged with `.hindsightrc.json` / `hindsight.config.json`). */
export interface LintConfig {
  // Filled in by the lint engine work: rules (off or a severity), extra phrases, allowed words, thresholds.
  readonly _placeholder?: never;
}
