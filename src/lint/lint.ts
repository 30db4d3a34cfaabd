import type { Finding } from "./finding.ts";
import type { LintConfig } from "./config.ts";

/**
 * Lints one Markdown document (a SPEC §2 post-mortem, another team's house style, or a fragment with no
 * headings): every finding of every enabled rule, in line order. Pure: no database, no file system.
 */
export function lintMarkdown(markdown: string, config?: LintConfig): Finding[] {
  void markdown;
  void config;
  throw new Error("not implemented yet: the lint engine is being written");
}
