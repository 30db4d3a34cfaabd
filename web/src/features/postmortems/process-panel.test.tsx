import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Postmortem } from "../../api/types.ts";
import { Checklist, DeadlineBadges, RequiredDecision } from "./process-panel.tsx";

describe("process data on the post-mortem page", () => {
  it("renders nothing for fields an older server does not send", () => {
    const { container } = render(
      <>
        <RequiredDecision postmortem={{}} />
        <DeadlineBadges postmortem={{}} />
        <Checklist checklist={undefined} canEdit onToggle={vi.fn()} />
      </>,
    );
    expect(container.textContent).toBe("");
  });

  it("shows the decision with its reasons, and an editor's override", () => {
    const required: Postmortem["required"] = {
      decision: "skip",
      reasons: ["false alarm"],
      computed: { decision: "always", reasons: ["severity P1"] },
      override: { decision: "skip", reason: "duplicate of INC-3" },
      reason: "duplicate of INC-3",
    };
    render(<RequiredDecision postmortem={{ required }} />);
    const section = screen.getByRole("region", { name: "Run a post-mortem?" });
    expect(section.textContent).toContain("Can be skipped (false alarm)");
    expect(section.textContent).toContain("Decided by an editor: duplicate of INC-3");
  });

  it("shows where the meeting and the publishing stand", () => {
    const deadlines: Postmortem["deadlines"] = {
      meeting: { state: "overdue", dueAt: null, overdueAt: "2026-03-20T15:10:00Z", secondsLeft: -7200 },
      publish: { state: "on_track", dueAt: null, overdueAt: "2026-03-25T15:10:00Z", secondsLeft: 3 * 86400 },
    };
    render(<DeadlineBadges postmortem={{ deadlines }} />);
    const badges = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(badges[0]).toMatch(/^Review meeting: overdue, 2 h late/);
    expect(badges[1]).toMatch(/^Publish: on track, 3 days left/);
  });

  it("ticks a checklist item at once and hands the change to the server", async () => {
    const onToggle = vi.fn().mockResolvedValue(undefined);
    render(
      <Checklist
        checklist={[{ item: "timeline-drafted", phase: "before", tickedBy: null, tickedAt: null }]}
        canEdit
        onToggle={onToggle}
      />,
    );
    const box = screen.getByRole("checkbox", { name: "The timeline is written up from the incident record" });
    await userEvent.setup().click(box);
    expect(onToggle).toHaveBeenCalledWith("timeline-drafted", true);
  });
});
