import { defaultConfig, type LintConfig } from "./config.ts";
import { readDisables } from "./disable.ts";
import { parseDocument } from "./document.ts";
import { RULE_IDS, type Finding } from "./finding.ts";
import { TagCache } from "./nlp.ts";
import { sentencesOf, type Sentence } from "./prose.ts";
import { phrasePattern, type RuleContext } from "./rule.ts";
import { RULES } from "./rules/index.ts";

/** Replaces allowed words with filler of the same length, so no rule reads them and offsets stay put. */
function maskAllowed(sentences: Sentence[], allow: readonly string[]): Sentence[] {
  if (allow.length === 0) return sentences;
  const patterns = allow.map((phrase) => phrasePattern(phrase, "giu"));
  return sentences.map((sentence) => {
    let text = sentence.text;
    for (const pattern of patterns) text = text.replace(pattern, (m) => m.replace(/\S/g, "x"));
    return text === sentence.text ? sentence : { ...sentence, text };
  });
}

const RULE_ORDER = new Map(RULE_IDS.map((id, i) => [id, i]));

/**
 * Lints one Markdown document (a SPEC §2 post-mortem, another team's house style, or a fragment with no
 * headings): every finding of every enabled rule, in line order. Pure: no database, no file system.
 */
export function lintMarkdown(markdown: string, config: LintConfig = defaultConfig()): Finding[] {
  const doc = parseDocument(markdown);
  const ctx: RuleContext = {
    doc,
    sentences: maskAllowed(sentencesOf(doc), config.allow),
    tags: new TagCache(),
    config,
  };
  const disables = readDisables(doc);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = config.rules[rule.id];
    if (level === "off") continue;
    for (const hit of rule.check(ctx)) {
      if (disables.isDisabled(rule.id, hit.line)) continue;
      findings.push({
        ruleId: rule.id,
        severity: level,
        message: hit.message,
        line: hit.line,
        column: hit.column,
        section: doc.sectionAt(hit.line)?.title ?? null,
        suggestion: rule.suggestion,
      });
    }
  }
  return findings.sort(
    (a, b) => a.line - b.line || a.column - b.column || RULE_ORDER.get(a.ruleId)! - RULE_ORDER.get(b.ruleId)!,
  );
}
