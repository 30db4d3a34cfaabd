import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRedactions, type RedactionKind, type RedactionOptions } from "./redaction.ts";

interface Labelled {
  options: RedactionOptions;
  sentences: { text: string; expected: { kind: RedactionKind; match: string }[] }[];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "fixtures/labelled-sentences.json"), "utf8"),
) as Labelled;

describe("findRedactions on labelled sentences", () => {
  it("finds what must not reach customers with precision and recall of at least 0.9", () => {
    let [truePositives, falsePositives, falseNegatives] = [0, 0, 0];
    const misses: string[] = [];
    for (const { text, expected } of fixture.sentences) {
      const found = findRedactions({ text }, fixture.options).map((f) => `${f.kind}:${f.match}`);
      const wanted = expected.map((e) => `${e.kind}:${e.match}`);
      const extra = found.filter((f) => !wanted.includes(f));
      const missing = wanted.filter((w) => !found.includes(w));
      truePositives += found.length - extra.length;
      falsePositives += extra.length;
      falseNegatives += missing.length;
      if (extra.length + missing.length > 0)
        misses.push(`${text}\n  extra ${extra.join(", ")}; missing ${missing.join(", ")}`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    const clean = fixture.sentences.filter((s) => s.expected.length === 0).length;
    console.log(
      `redaction on ${fixture.sentences.length} sentences (${clean} with nothing to flag): ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (misses.length > 0 ? `\n${misses.join("\n")}` : ""),
    );
    expect(fixture.sentences.length).toBeGreaterThanOrEqual(60);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
