import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStatedDuration } from "./duration.ts";

const MANIFEST = join(import.meta.dirname, "..", "..", "..", "..", "..", "shared", "corpus", "manifest.json");
const present = existsSync(MANIFEST);
if (!present && process.env.CI === "true") throw new Error(`the corpus manifest is missing at ${MANIFEST}`);

interface Stated {
  id: string;
  metric: string;
  raw: string;
  minutes: number | null;
  note: string | null;
}

function statedValues(): Stated[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    documents: Array<Record<string, unknown>>;
  };
  return manifest.documents.flatMap((document) =>
    ["detection", "recovery", "repair", "resolve"].flatMap((metric) => {
      const raw = document[`stated_time_to_${metric}_raw`];
      if (typeof raw !== "string") return [];
      const minutes = document[`stated_time_to_${metric}_minutes`] as number | null;
      const note = document[`stated_time_to_${metric}_note`] as string | null;
      return [{ id: String(document.id), metric, raw, minutes, note }];
    }),
  );
}

describe.skipIf(!present)("readStatedDuration over the corpus manifest", () => {
  it("reads every stated duration in the manifest to the manifest's minutes and note", () => {
    const values = statedValues();
    expect(values.length).toBeGreaterThanOrEqual(90);
    for (const value of values) {
      const read = readStatedDuration(value.raw);
      expect({
        id: value.id,
        metric: value.metric,
        raw: read.raw,
        minutes: read.minutes,
        note: read.note,
      }).toEqual({
        id: value.id,
        metric: value.metric,
        raw: value.raw.trim(),
        minutes: value.minutes,
        note: value.note,
      });
    }
  });
});

describe("readStatedDuration", () => {
  it.each([
    ["64 minutes", 64],
    ["1 minutes", 1],
    ["0 minutes", 0],
    ["19 hours 43 minutes.", 1183],
    ["54 hours 10 minutes", 3250],
    ["7 hours", 420],
    ["22 hours", 1320],
    ["0h 16m", 16],
    ["5h 09m", 309],
    ["27m", 27],
    ["673h 34m", 40414],
    ["1d 5h 47m", 1787],
    ["2d 1h 29m", 2969],
    ["1:30", 90],
    ["0:45:30", 45.5],
    ["90 min", 90],
    ["90 mins", 90],
    ["2 hrs", 120],
    ["1.5 hours", 90],
    ["1,5 hours", 90],
    ["an hour", 60],
    ["a minute", 1],
    ["two hours", 120],
    ["half an hour", 30],
    ["an hour and a half", 90],
    ["2 hours and 10 minutes", 130],
    ["1 hour, 5 minutes", 65],
    ["1 week", 7 * 24 * 60],
    ["45 seconds", 0.75],
    ["  3 Hours  ", 180],
  ])("reads %j as %d minutes with no note", (raw, minutes) => {
    expect(readStatedDuration(raw)).toEqual({ raw: raw.trim(), minutes, note: null });
  });

  it.each([
    ["7h (during support hours 10:00-17:00)", 420, "during support hours 10:00-17:00"],
    ["279 minutes [^3]", 279, "footnote [^3]"],
    ["about 2 hours", 120, "approximate"],
    ["~45 minutes", 45, "approximate"],
    ["approx. 30 min", 30, "approximate"],
    ["more than 3 hours", 180, "at least"],
    ["less than 5 minutes", 5, "at most"],
    ["2 hours and counting", 120, "and counting"],
    ["about 7h (support hours) [^2]", 420, "approximate; footnote [^2]; support hours"],
  ])("keeps the qualifier of %j in the note", (raw, minutes, note) => {
    expect(readStatedDuration(raw)).toEqual({ raw, minutes, note });
  });

  it.each([
    ["N/A", "not applicable"],
    ["n/a", "not applicable"],
    ["NA", "not applicable"],
    ["-", "not applicable"],
    ["TBC", "not stated"],
    ["unknown", "not stated"],
    ["?", "not stated"],
    ["", "not stated"],
    ["N/A [^1]", "not applicable; footnote [^1]"],
  ])("gives no minutes for %j, with the note %j", (raw, note) => {
    expect(readStatedDuration(raw)).toEqual({ raw, minutes: null, note });
  });

  it.each(["see timeline", "64", "2-3 hours", "a few hours", "2021-12-10 15:40"])(
    "says %j is not a duration instead of guessing a number",
    (raw) => {
      expect(readStatedDuration(raw)).toEqual({ raw, minutes: null, note: `not a duration: ${raw}` });
    },
  );

  it("keeps the raw text exactly as written, only trimmed", () => {
    expect(readStatedDuration("  19 hours 43 minutes.\n").raw).toBe("19 hours 43 minutes.");
  });
});
