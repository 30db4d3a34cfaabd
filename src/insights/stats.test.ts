import { describe, expect, it } from "vitest";
import { durationStats, median, monthsBetween, normaliseText, percentile, recurring } from "./stats.ts";

describe("median and percentile", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });

  it("takes p90 by nearest rank: the value at rank ⌈0.9 × n⌉", () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([...ten, 11], 90)).toBe(10);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 90)).toBeNull();
  });

  it("rounds a median between two whole seconds", () => {
    expect(durationStats([1, 2])).toEqual({ count: 2, medianSeconds: 2, p90Seconds: 2 });
  });
});

describe("monthsBetween", () => {
  it("lists every month the period touches, leaving out a month the exclusive end only starts", () => {
    expect(monthsBetween("2025-11-15T00:00:00Z", "2026-02-01T00:00:00Z")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
    ]);
    expect(monthsBetween("2026-01-31T23:00:00Z", "2026-02-01T00:00:01Z")).toEqual(["2026-01", "2026-02"]);
  });
});

describe("recurring", () => {
  it("groups texts that differ only in case, spacing and punctuation, counting each incident once", () => {
    const entries = [
      { incidentId: 1, text: "Alert  thresholds too high." },
      { incidentId: 1, text: "alert thresholds too high" },
      { incidentId: 2, text: "ALERT thresholds, too high" },
      { incidentId: 2, text: "Alert thresholds too high." },
      { incidentId: 3, text: "No owner for the cron job" },
    ];
    expect(recurring(entries, normaliseText, { min: 2, limit: 20 })).toEqual([
      { text: "Alert thresholds too high.", incidents: 2 },
    ]);
  });
});
