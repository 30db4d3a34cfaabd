import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConflictView, sectionText, sectionValue } from "./conflict-view.tsx";
import type { SectionValue } from "./draft.ts";

function setup(
  section: "detection" | "contributingFactors" | "appendix",
  mine: SectionValue,
  theirs: SectionValue,
) {
  const onChange = vi.fn();
  const onResolve = vi.fn();
  render(
    <ConflictView section={section} mine={mine} theirs={theirs} onChange={onChange} onResolve={onResolve} />,
  );
  return { onChange, onResolve, user: userEvent.setup() };
}

describe("ConflictView", () => {
  it("shows your version beside theirs, under the section's name", () => {
    setup("detection", "A customer ticket came first.", "The 5xx alert paged on-call.");
    expect(screen.getByRole("region", { name: "Detection: someone else changed it too" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Your version of Detection" })).toHaveProperty(
      "value",
      "A customer ticket came first.",
    );
    const theirs = screen.getByRole("textbox", { name: "Their version of Detection" });
    expect(theirs).toHaveProperty("value", "The 5xx alert paged on-call.");
    expect(theirs).toHaveProperty("readOnly", true);
  });

  it("keeps what you typed, including edits made in the conflict view", async () => {
    const { user, onChange, onResolve } = setup("detection", "Mine.", "Theirs.");
    await user.type(screen.getByRole("textbox", { name: "Your version of Detection" }), " And more.");
    expect(onChange).toHaveBeenLastCalledWith("Mine. And more.");
    await user.click(screen.getByRole("button", { name: "Keep mine for Detection" }));
    expect(onResolve).toHaveBeenCalledWith("Mine. And more.");
  });

  it("takes their version when asked", async () => {
    const { user, onResolve } = setup("detection", "Mine.", "Theirs.");
    await user.click(screen.getByRole("button", { name: "Use theirs for Detection" }));
    expect(onResolve).toHaveBeenCalledWith("Theirs.");
  });

  it("merges both texts into yours, their paragraphs first, without repeating shared ones", async () => {
    const { user, onResolve } = setup(
      "detection",
      "The alert fired at 14:09.\n\nA customer ticket came first.",
      "The alert fired at 14:09.\n\nOn-call acknowledged at 14:11.",
    );
    await user.click(screen.getByRole("button", { name: "Merge both for Detection" }));
    const yours = screen.getByRole("textbox", { name: "Your version of Detection" });
    expect(yours).toHaveProperty(
      "value",
      "The alert fired at 14:09.\n\nOn-call acknowledged at 14:11.\n\nA customer ticket came first.",
    );
    // Merging only fills the box: nothing is decided until "Keep mine".
    expect(onResolve).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Keep mine for Detection" }));
    expect(onResolve).toHaveBeenCalledWith(
      "The alert fired at 14:09.\n\nOn-call acknowledged at 14:11.\n\nA customer ticket came first.",
    );
  });

  it("merges lists item by item, one item per line", async () => {
    const { user, onResolve } = setup(
      "contributingFactors",
      ["No canary", "Pool too small"],
      ["No canary", "Alert threshold too high"],
    );
    expect(screen.getByRole("textbox", { name: "Your version of Contributing factors" })).toHaveProperty(
      "value",
      "No canary\nPool too small",
    );
    await user.click(screen.getByRole("button", { name: "Merge both for Contributing factors" }));
    await user.click(screen.getByRole("button", { name: "Keep mine for Contributing factors" }));
    expect(onResolve).toHaveBeenCalledWith(["No canary", "Alert threshold too high", "Pool too small"]);
  });

  it("merges appendix links written as Title | URL", async () => {
    const dash = { title: "Dashboard", url: "https://grafana.example.com/d/1" };
    const ticket = { title: "Ticket", url: "https://support.example.com/t/9" };
    const { user, onResolve } = setup("appendix", [dash, ticket], [dash]);
    await user.click(screen.getByRole("button", { name: "Merge both for Appendix links" }));
    await user.click(screen.getByRole("button", { name: "Keep mine for Appendix links" }));
    expect(onResolve).toHaveBeenCalledWith([dash, ticket]);
  });
});

describe("sectionText and sectionValue", () => {
  it("read back what they write", () => {
    const links = [{ title: "A | B", url: "https://x.example.com/a" }];
    expect(sectionValue("appendix", sectionText("appendix", links))).toEqual(links);
    expect(sectionValue("wentWell", sectionText("wentWell", ["a", "b"]))).toEqual(["a", "b"]);
  });
});
