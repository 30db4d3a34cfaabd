import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RuleId } from "./finding.ts";
import { lintMarkdown } from "./lint.ts";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus");
const SENTENCE_RULES: RuleId[] = ["blame-language", "shallow-analysis", "vague-action-item"];

interface Checked {
  file: string;
  line: number;
  expected: RuleId[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "rules/__fixtures__/corpus-findings.json"), "utf8"),
) as {
  lines: Checked[];
};

const present = existsSync(CORPUS);
if (!present && process.env.CI === "true") throw new Error(`the corpus is missing at ${CORPUS}`);
if (!present) console.warn(`corpus.test.ts: skipped, ${CORPUS} is not there`);

/** Sentence-rule findings per "file:line" over every corpus document. */
function lintCorpus(): Map<string, RuleId[]> {
  const found = new Map<string, RuleId[]>();
  for (const folder of ["dfds", "moj-cloud-platform"]) {
    for (const name of readdirSync(join(CORPUS, folder)).filter((n) => n.endsWith(".md"))) {
      for (const f of lintMarkdown(readFileSync(join(CORPUS, folder, name), "utf8"))) {
        if (!SENTENCE_RULES.includes(f.ruleId)) continue;
        const key = `${folder}/${name}:${f.line}`;
        found.set(key, [...(found.get(key) ?? []), f.ruleId].sort());
      }
    }
  }
  return found;
}

describe.skipIf(!present)("the linter on real post-mortems", () => {
  const found = present ? lintCorpus() : new Map<string, RuleId[]>();

  it("finds exactly what was checked by hand on each recorded line", () => {
    for (const { file, line, expected } of fixture.lines) {
      expect(found.get(`${file}:${line}`) ?? [], `${file}:${line}`).toEqual([...expected].sort());
    }
  });

  it("reports no blame, shallow or vague finding that nobody has read", () => {
    const recorded = new Set(fixture.lines.map((l) => `${l.file}:${l.line}`));
    expect([...found.keys()].filter((key) => !recorded.has(key))).toEqual([]);
  });

  it("does not flag timeline entries that name people doing their job", () => {
    const timelineFacts = fixture.lines.filter((l) => l.expected.length === 0);
    expect(timelineFacts.length).toBeGreaterThan(25);
    for (const { file, line } of timelineFacts)
      expect(found.has(`${file}:${line}`), `${file}:${line}`).toBe(false);
  });
});
