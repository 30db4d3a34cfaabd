import { describe, expect, it } from "vitest";
import { markSections, markTerms } from "./mark-text.ts";
import { parseSearchQuery } from "./parse-query.ts";
import { MATCH_END, MATCH_START } from "./snippets.ts";

const mark = (q: string, sections: Record<string, string>) =>
  markSections(sections, markTerms(parseSearchQuery(q)));
/** The marked words of one section, as written there. */
const marks = (text: string | null | undefined) =>
  [...(text ?? "").matchAll(new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, "gu"))].map((m) => m[1]);
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

describe("markSections", () => {
  it("marks every form the english stemmer gives the stem of a query word, as written", () => {
    const marked = mark("plover deploys", {
      title: "Plover outage",
      impact: "Plovers DEPLOYED late",
      timeline: "Deploying the plover fix",
    });
    expect(marks(marked.title)).toEqual(["Plover"]);
    expect(marks(marked.impact)).toEqual(["Plovers", "DEPLOYED"]);
    expect(marks(marked.timeline)).toEqual(["Deploying", "plover"]);
    expect(marked.impact).toBe(`${MATCH_START}Plovers${MATCH_END} ${MATCH_START}DEPLOYED${MATCH_END} late`);
  });

  it("gives null for a section holding no query word, and marks a word only when its stem matches", () => {
    const marked = mark("deploys", { title: "Cache outage", root_cause: "Deployment of a deplorable fix" });
    expect(marked.title).toBeNull();
    expect(marked.impact).toBeNull();
    // "deployment" stems to "deploy"; "deplorable", which starts the same, does not.
    expect(marks(marked.root_cause)).toEqual(["Deployment"]);
  });

  it("reads a section whose forms of the word do not contain the word as typed", () => {
    // "scale" is not in "scaling", nor "die" in "dying": Porter2 gives each pair one stem.
    expect(marks(mark("scale", { impact: "The service stopped scaling" }).impact)).toEqual(["scaling"]);
    expect(marks(mark("spike", { impact: "Latency kept spiking" }).impact)).toEqual(["spiking"]);
    expect(marks(mark("died", { impact: "Pods were dying" }).impact)).toEqual(["dying"]);
  });

  it("marks words starting with a prefix's stem, and not a phrase's stop words", () => {
    const prefix = mark("replic*", { impact: "Replicas lagged; replication stopped; a reply came" });
    expect(marks(prefix.impact)).toEqual(["Replicas", "replication"]);
    const phrase = mark('"the cache"', { impact: "The cache of the node" });
    expect(marks(phrase.impact)).toEqual(["cache"]);
  });

  it("shows a long section as at most two fragments of 24 words around the query words", () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(" ");
    const text = `${filler(40, "calm")} heron ${filler(40, "quiet")} egret ${filler(40, "still")} heron.`;
    const marked = mark("heron egret", { timeline: text });
    const snippet = marked.timeline!;
    const fragments = snippet.split(" … ");
    expect(fragments).toHaveLength(2);
    for (const fragment of fragments) expect(words(fragment)).toBeLessThanOrEqual(24);
    // The fragments hold both words (the first heron) rather than the two herons.
    expect(marks(snippet)).toEqual(["heron", "egret"]);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
  });

  it("keeps two words up to 24 words apart in one fragment", () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(" ");
    for (const gap of [10, 17, 20, 22]) {
      const text = `${filler(30, "calm")} heron ${filler(gap, "quiet")} egret ${filler(30, "still")}`;
      const snippet = mark("heron egret", { timeline: text }).timeline!;
      expect(marks(snippet), `gap ${gap}`).toEqual(["heron", "egret"]);
      expect(snippet.split(" … "), `gap ${gap}`).toHaveLength(1);
    }
  });

  it("marks the whole title and a short section whole, to their last character", () => {
    const title = `Heron ${Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")} heron!`;
    const marked = mark("heron", { title, impact: "A heron landed." });
    expect(marked.title).toBe(title.replace(/heron/giu, (w) => `${MATCH_START}${w}${MATCH_END}`));
    expect(marked.impact).toBe(`A ${MATCH_START}heron${MATCH_END} landed.`);
  });

  it("falls back to words starting with a word's common part when no form of it was found anywhere", () => {
    // "running" stems to "run" and "runner" stays "runner": the index found the hit by a form the two
    // stemmers see differently, and what all forms start with is still worth marking.
    const marked = mark("heron running", { title: "Heron report", impact: "The runner stalled" });
    expect(marks(marked.impact)).toEqual(["runner"]);
    // Found by its stem somewhere, a word is not marked loosely elsewhere.
    const exact = mark("heron running", { title: "Heron running", impact: "The runner stalled" });
    expect(exact.impact).toBeNull();
  });
});
