import { describe, expect, it } from "vitest";
import { dateCover } from "./filters.ts";

describe("dateCover", () => {
  it("covers a whole year with one token and needs no exact check", () => {
    expect(dateCover({ from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z" })).toEqual({
      tokens: ["zy2024"],
      exact: true,
    });
  });

  it("uses months at the edges and asks for an exact check when a bound falls inside a month", () => {
    expect(dateCover({ from: "2023-11-15T10:00:00Z", to: "2024-03-01T00:00:00Z" })).toEqual({
      tokens: ["zm202311", "zm202312", "zm202401", "zm202402"],
      exact: false,
    });
  });

  it("covers open ends with a few coarse tokens", () => {
    const before = dateCover({ to: "2024-03-01T00:00:00Z" })!;
    expect(before.tokens).toEqual([
      "zk0",
      "zk1",
      "zd200",
      "zd201",
      ...[0, 1, 2, 3].map((y) => `zy202${y}`),
      "zm202401",
      "zm202402",
    ]);
    expect(dateCover({ from: "2024-01-01T00:00:00Z" })!.tokens.length).toBeLessThan(40);
    expect(dateCover({})).toBeNull();
  });
});
