import { describe, expect, it } from "vitest";
import { facetToken } from "./index-incident.ts";
import { parseSearchQuery } from "./parse-query.ts";
import { choosePlan, facetShare, textShare, type TokenStats } from "./postgres-plan.ts";

const published = facetToken("status", "published");
const dns = facetToken("tag", "dns");
const p1 = facetToken("severity", "P1");
/** As PostgreSQL's statistics read at 100,000 post-mortems of the search bench. */
const stats: TokenStats = {
  frequencies: new Map([
    ["deploy", 0.696],
    ["runaway", 0.189],
    ["latenc", 0.366],
    ["cach", 0.787],
    ["flush", 0.582],
    ["replica", 0.2],
    ["replic", 0.1],
    [published, 0.404],
    [dns, 0.0757],
    [p1, 0.164],
  ]),
  floor: 0.004,
  documents: 100_000,
};
const q = parseSearchQuery;

describe("the PostgreSQL search plan", () => {
  it("estimates a query's share as the planner does: words and filter groups multiply, a group's tokens add", () => {
    expect(textShare(stats, q("cache flush"))).toBeCloseTo(0.787 * 0.582);
    // A phrase counts its words; a stop word inside it is not looked for; an unknown word takes the floor.
    expect(textShare(stats, q('"the cache" zyzzyva'))).toBeCloseTo(0.787 * 0.004);
    // A prefix adds up every known token starting with its stem.
    expect(textShare(stats, q("replic*"))).toBeCloseTo(0.3);
    expect(facetShare(stats, [[published], [dns]])).toBeCloseTo(0.404 * 0.0757);
    expect(facetShare(stats, [[published, p1]])).toBeCloseTo(0.568);
  });

  it("walks the filter index when filters pass few post-mortems and the words are common", () => {
    expect(choosePlan(stats, q("deploy"), [[published], [dns]])).toBe("facet-walk");
  });

  it("leaves the planner its index when the matches are few, and its walk when the filters pass many", () => {
    // "runaway", published, tag dns: about 580 matches, which the GIN index finds faster than any walk.
    expect(choosePlan(stats, q("runaway"), [[published], [dns]])).toBe("planner");
    // P1 passes 16%: reading each passing row costs more than the planner's walk saves.
    expect(choosePlan(stats, q("latency"), [[p1]])).toBe("planner");
    expect(choosePlan(stats, q("deploy"), [])).toBe("planner");
    expect(choosePlan(null, q("deploy"), [[published], [dns]])).toBe("planner");
  });
});
