import { describe, expect, it } from "vitest";
import { changesOf, mergeText, rebase, type Draft } from "./draft.ts";

const read: Draft = {
  summary: "",
  rootCause: "The pool was too small.",
  detection: "",
  resolution: "",
  contributingFactors: ["No canary"],
  wentWell: [],
  toImprove: [],
  appendix: [],
};

describe("changesOf", () => {
  it("sends only the sections that changed, lists whole and lessons together", () => {
    const draft = {
      ...read,
      detection: "The alert fired.",
      wentWell: ["Fast rollback"],
      toImprove: [" Paging "],
    };
    expect(changesOf(read, draft)).toEqual({
      detection: "The alert fired.",
      lessons: { wentWell: ["Fast rollback"], toImprove: ["Paging"] },
    });
  });

  it("leaves out empty list items and unfinished links, so typing never sends what the API refuses", () => {
    const draft = {
      ...read,
      contributingFactors: ["No canary", ""],
      appendix: [
        { title: "Dashboard", url: "https://grafana.example.com" },
        { title: "Half typed", url: "https://" },
        { title: "", url: "https://x.example.com" },
      ],
    };
    expect(changesOf(read, draft)).toEqual({
      appendix: [{ title: "Dashboard", url: "https://grafana.example.com" }],
    });
  });

  it("skips sections waiting for a conflict choice", () => {
    const draft = { ...read, rootCause: "Mine", detection: "Also mine" };
    expect(changesOf(read, draft, { rootCause: "Theirs" })).toEqual({ detection: "Also mine" });
  });
});

describe("rebase", () => {
  it("takes their text where you changed nothing and keeps yours where they changed nothing", () => {
    const mine = { ...read, detection: "Mine" };
    const theirs = { ...read, resolution: "Theirs" };
    const rebased = rebase(read, mine, theirs);
    expect(rebased.draft).toEqual({ ...read, detection: "Mine", resolution: "Theirs" });
    expect(rebased.conflicts).toEqual({});
  });

  it("keeps your text in the draft and theirs beside it where both changed a section", () => {
    const mine = { ...read, rootCause: "Mine", contributingFactors: ["No canary", "Mine too"] };
    const theirs = { ...read, rootCause: "Theirs", contributingFactors: ["No canary", "Mine too "] };
    const rebased = rebase(read, mine, theirs);
    expect(rebased.draft.rootCause).toBe("Mine");
    // The same list apart from spacing the server trims is no conflict.
    expect(rebased.conflicts).toEqual({ rootCause: "Theirs" });
  });

  it("keeps a pending conflict open with their newest text", () => {
    const mine = { ...read, rootCause: "Mine" };
    const rebased = rebase(
      { ...read, rootCause: "Theirs 1" },
      mine,
      { ...read, rootCause: "Theirs 1" },
      {
        rootCause: "Theirs 1",
      },
    );
    expect(rebased.conflicts).toEqual({ rootCause: "Theirs 1" });
  });
});

describe("mergeText", () => {
  it("puts their paragraphs first and adds yours that they lack", () => {
    expect(mergeText("Shared.\n\nMine.", "Shared.\n\nTheirs.")).toBe("Shared.\n\nTheirs.\n\nMine.");
  });
});
