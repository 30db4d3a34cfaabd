import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PostmortemFinding } from "../../api/types.ts";
import { FindingsList } from "./findings-list.tsx";

function finding(over: Partial<PostmortemFinding>): PostmortemFinding {
  return {
    ruleId: "missing-section",
    severity: "warning",
    message: "The section is empty",
    line: 1,
    column: 1,
    section: null,
    offset: 0,
    suggestion: null,
    ...over,
  };
}

const blame = finding({
  ruleId: "blame-language",
  severity: "error",
  message: "“careless” judges a person instead of describing what happened",
  line: 42,
  column: 10,
  section: "Root Cause",
  offset: 3,
  suggestion: "Ask what in the system allowed it.",
});
const emptyDetection = finding({
  message: "The “Detection” section is empty",
  line: 47,
  section: "Detection",
});
const actionItems = finding({
  message: "The “Action Items” section is empty",
  line: 51,
  section: "Action Items",
});

describe("FindingsList", () => {
  it("groups findings by section in document order, with message and suggestion", () => {
    render(
      <FindingsList
        findings={[actionItems, emptyDetection, blame]}
        placeOf={() => undefined}
        onGoTo={() => undefined}
      />,
    );
    const groups = screen.getAllByRole("region");
    expect(groups.map((g) => within(g).getByRole("heading").textContent)).toEqual([
      "Root cause",
      "Detection",
      "Action Items",
    ]);
    const item = within(screen.getByRole("region", { name: "Root cause" })).getByRole("listitem");
    expect(item.textContent).toContain("Error");
    expect(item.textContent).toContain("“careless” judges a person");
    expect(item.textContent).toContain("Suggestion: Ask what in the system allowed it.");
  });

  it("offers Go to only where the page has a field, and names the place", async () => {
    const onGoTo = vi.fn();
    render(
      <FindingsList
        findings={[blame, actionItems]}
        placeOf={(f) => (f.section === "Root Cause" ? "Root cause, line 3" : undefined)}
        onGoTo={onGoTo}
      />,
    );
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Go to Root cause, line 3"]);
    await userEvent.setup().click(screen.getByRole("button", { name: "Go to Root cause, line 3" }));
    expect(onGoTo).toHaveBeenCalledWith(blame);
  });

  it("says so when there is nothing to fix", () => {
    render(<FindingsList findings={[]} placeOf={() => undefined} onGoTo={() => undefined} />);
    expect(screen.getByText(/No findings/)).toBeTruthy();
  });
});
