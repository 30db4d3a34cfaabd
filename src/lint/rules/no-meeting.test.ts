import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../lint.ts";

const noMeeting = (markdown: string) => lintMarkdown(markdown).filter((f) => f.ruleId === "no-meeting");

const front = (yaml: string) => `---\n${yaml}\n---\n\n# Outage\n`;

describe("no-meeting", () => {
  it("flags a published post-mortem whose meeting was never held, at its status", () => {
    const text = front("postmortem:\n  status: published\nmeeting: null");
    expect(noMeeting(text)).toEqual([
      {
        ruleId: "no-meeting",
        severity: "warning",
        message: "Published without a held review meeting",
        line: 3,
        column: 1,
        section: null,
        suggestion: expect.stringContaining("review meeting"),
      },
    ]);
  });

  it("flags a held meeting with nobody in it, and accepts one with attendees", () => {
    const empty = front(
      "postmortem:\n  status: published\nmeeting:\n  heldAt: 2026-03-19T10:05:00Z\n  attendees: []",
    );
    expect(noMeeting(empty).map((f) => [f.line, f.message])).toEqual([
      [5, "The review meeting has no attendees"],
    ]);
    const held = front(
      "postmortem:\n  status: closed\nmeeting:\n  heldAt: 2026-03-19T10:05:00Z\n  attendees:\n    - name: Priya",
    );
    expect(noMeeting(held)).toEqual([]);
  });

  it("says nothing about a draft, and reads an Attendees section when there is no front matter", () => {
    expect(noMeeting(front("postmortem:\n  status: draft\nmeeting: null"))).toEqual([]);
    expect(
      noMeeting("# Outage\n\n## Summary\nIt broke.\n\n## Attendees\n\n## Stats\n- 5 minutes\n"),
    ).toMatchObject([
      { line: 6, message: "No attendees listed: hold the review meeting and say who took part" },
    ]);
    expect(noMeeting("# Outage\n\n## Summary\nIt broke.\n\n## Atendees\n- AN\n- WC\n")).toEqual([]);
  });
});
