import { describe, expect, it } from "vitest";
import { apiQueryOf, insightsCsvHref, insightsFiltersOf, nextDay } from "./insights.api.ts";

describe("insights filters", () => {
  it("reads the address, dropping an unknown severity and blank text", () => {
    const filters = insightsFiltersOf(new URLSearchParams("severity=P9&service=%20&tag=db&from=2026-01-01"));
    expect(filters).toEqual({
      from: "2026-01-01",
      to: undefined,
      severity: undefined,
      service: undefined,
      tag: "db",
    });
  });

  it("sends the last day shown as the API's exclusive end, across months and years", () => {
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(apiQueryOf({ to: "2026-03-31" })).toEqual({ to: "2026-04-01" });
  });

  it("passes a day that does not exist through unchanged, so the API names the field", () => {
    expect(nextDay("2026-02-30")).toBe("2026-02-30");
    expect(nextDay("soon")).toBe("soon");
  });

  it("links the CSV of the same report", () => {
    expect(insightsCsvHref({})).toBe("/api/v1/insights?format=csv");
    expect(insightsCsvHref({ from: "2026-01-01", to: "2026-01-31", tag: "db & cache" })).toBe(
      "/api/v1/insights?from=2026-01-01&to=2026-02-01&tag=db+%26+cache&format=csv",
    );
  });
});
