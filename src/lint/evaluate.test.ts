import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreDevSet, type DevSetScore } from "./evaluate.ts";

const read = (name: string) =>
  readFileSync(join(import.meta.dirname, "rules/__fixtures__", name), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { text: string; labels: string[] });

function expectTargets(score: DevSetScore) {
  const { blame, shallow, vague_action: vague } = score.byLabel;
  expect(blame.precision, "blame precision").toBeGreaterThanOrEqual(0.95);
  expect(blame.recall, "blame recall").toBeGreaterThanOrEqual(0.9);
  expect(shallow.precision, "shallow precision").toBeGreaterThanOrEqual(0.9);
  expect(shallow.recall, "shallow recall").toBeGreaterThanOrEqual(0.8);
  expect(vague.precision, "vague precision").toBeGreaterThanOrEqual(0.9);
  expect(vague.recall, "vague recall").toBeGreaterThanOrEqual(0.8);
  expect(score.share, "share of clean lines flagged").toBeLessThanOrEqual(0.05);
}

describe("scoreDevSet", () => {
  it("meets the quality targets on the development set (lint-dev-set.jsonl)", () => {
    const score = scoreDevSet(read("lint-dev-set.jsonl"));
    expect(score.noneTotal).toBe(43);
    expectTargets(score);
  });

  it("meets the same targets on sentences written for this test, with other names and scenarios", () => {
    expectTargets(scoreDevSet(read("own-sentences.jsonl")));
  });

  it("counts a line once per label, and a clean line flagged by any sentence rule", () => {
    const score = scoreDevSet([
      { text: "Pedro pushed a broken config.", labels: ["blame"] },
      { text: "Improve alerting.", labels: ["none"] },
      { text: "Bea paged the storage on-call.", labels: ["blame"] },
      { text: "The probe failed to pass.", labels: ["none"] },
    ]);
    expect(score.byLabel.blame).toEqual({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(score.byLabel.vague_action).toMatchObject({ tp: 0, fp: 1, precision: 0 });
    expect([score.noneFlagged, score.noneTotal, score.share]).toEqual([1, 2, 0.5]);
  });
});
