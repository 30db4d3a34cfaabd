import type { LintDocument } from "./document.ts";
import { RULE_IDS, type RuleId } from "./finding.ts";

const COMMENT = /<!--\s*hindsight-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Which rules are switched off on which lines by inline comments. */
export interface Disables {
  isDisabled(ruleId: RuleId, line: number): boolean;
}

/**
 * Reads `<!-- hindsight-disable-next-line [ids] -->` (the next non-blank line) and
 * `<!-- hindsight-disable [ids] -->` … `<!-- hindsight-enable [ids] -->` (no ids: every rule).
 * Comments inside code blocks are code, not directives.
 */
export function readDisables(doc: LintDocument): Disables {
  const lines = doc.source.split("\n");
  const nextLine = new Map<number, Set<RuleId>>();
  const ranges: { ids: Set<RuleId>; from: number; to: number }[] = [];
  const open = new Map<RuleId, number>();
  for (const comment of doc.comments) {
    const start = comment.offset;
    for (const match of comment.text.matchAll(COMMENT)) {
      const offset = start + match.index;
      const { line } = doc.position(offset);
      const endLine = doc.position(offset + match[0].length).line;
      const written = (match[2] ?? "").split(/[\s,]+/).filter(Boolean);
      const named = written.filter((id): id is RuleId => (RULE_IDS as readonly string[]).includes(id));
      // No ids means every rule; a misspelt id silences nothing rather than everything.
      const ids = new Set<RuleId>(written.length === 0 ? RULE_IDS : named);
      if (match[1] === "disable-next-line") {
        let target = endLine + 1;
        while (target <= lines.length && lines[target - 1]!.trim() === "") target++;
        const set = nextLine.get(target) ?? new Set<RuleId>();
        for (const id of ids) set.add(id);
        nextLine.set(target, set);
      } else if (match[1] === "disable") {
        for (const id of ids) if (!open.has(id)) open.set(id, line);
      } else {
        for (const id of ids) {
          const from = open.get(id);
          if (from !== undefined) ranges.push({ ids: new Set([id]), from, to: line });
          open.delete(id);
        }
      }
    }
  }
  for (const [id, from] of open) ranges.push({ ids: new Set([id]), from, to: Number.POSITIVE_INFINITY });
  return {
    isDisabled(ruleId, line) {
      if (nextLine.get(line)?.has(ruleId)) return true;
      return ranges.some((r) => r.ids.has(ruleId) && r.from <= line && line <= r.to);
    },
  };
}
