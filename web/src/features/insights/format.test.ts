import { describe, expect, it } from "vitest";
import { formatDay, formatDuration, formatMonth, formatShare, lastDayBefore } from "./format.ts";

describe("formatDuration", () => {
  it("writes durations in the two largest human units", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(420)).toBe("7 min");
    expect(formatDuration(4320)).toBe("1 h 12 min");
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(93_600)).toBe("1 d 2 h");
    expect(formatDuration(172_800)).toBe("2 d");
  });

  it("rounds before choosing the unit, so a boundary never shows as 60 min or 24 h", () => {
    expect(formatDuration(59.6)).toBe("1 min");
    expect(formatDuration(3_570)).toBe("1 h");
    expect(formatDuration(3_590)).toBe("1 h");
    expect(formatDuration(3_629)).toBe("1 h");
    expect(formatDuration(3_630)).toBe("1 h 1 min");
    expect(formatDuration(86_370)).toBe("1 d");
    expect(formatDuration(86_399)).toBe("1 d");
    expect(formatDuration(-3_590)).toBe("−1 h");
  });

  it("says when there is no data rather than showing zero", () => {
    expect(formatDuration(null)).toBe("No data");
    expect(formatShare(null)).toBe("No data");
  });
});

describe("period labels", () => {
  it("names months and the last day inside an exclusive end", () => {
    expect(formatMonth("2026-03")).toBe("Mar 2026");
    expect(lastDayBefore("2026-04-01T00:00:00Z")).toBe("2026-03-31");
    expect(formatDay("2026-03-31T00:00:00Z")).toBe("31 Mar 2026");
    expect(formatShare(0.756)).toBe("76 %");
  });
});
