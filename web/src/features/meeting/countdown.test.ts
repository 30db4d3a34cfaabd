import { describe, expect, it } from "vitest";
import { countdownText, formatClock, secondsLeft, sectionClockOf } from "./countdown.ts";
import type { MeetingModeState } from "./meeting.api.ts";

const at = (iso: string) => Date.parse(iso);

function running(remainingSeconds: number): MeetingModeState {
  return {
    active: true,
    startedAt: "2026-03-20T14:00:00Z",
    section: { index: 0, key: "stage", title: "Set the stage", minutes: 10 },
    sectionStartedAt: "2026-03-20T14:00:00Z",
    sectionEndsAt: "2026-03-20T14:10:00Z",
    remainingSeconds,
    elapsedSeconds: 600 - remainingSeconds,
    plannedEndAt: "2026-03-20T14:50:00Z",
    heldAt: null,
    agenda: { sections: [], totalMinutes: 50, custom: false, version: 3 },
    version: 3,
  };
}

describe("the section countdown", () => {
  it("writes minutes and seconds, and says when the section ran over", () => {
    expect(formatClock(599)).toBe("09:59");
    expect(formatClock(0)).toBe("00:00");
    expect(countdownText(65)).toBe("01:05 left");
    expect(countdownText(-62)).toBe("01:02 over");
    expect(formatClock(75 * 60)).toBe("75:00");
  });

  it("counts down to the server's end of the section", () => {
    const clock = sectionClockOf(running(540), at("2026-03-20T14:01:00.200Z"))!;
    expect(secondsLeft(clock, at("2026-03-20T14:01:00.200Z"))).toBe(540);
    expect(secondsLeft(clock, at("2026-03-20T14:04:30Z"))).toBe(330);
    expect(secondsLeft(clock, at("2026-03-20T14:11:01Z"))).toBe(-61);
  });

  it("corrects a browser clock that is clearly off from the server's", () => {
    // The server said 540 s left (its 14:01:00); this browser thinks it is 13:56:00.
    const clock = sectionClockOf(running(540), at("2026-03-20T13:56:00Z"))!;
    expect(secondsLeft(clock, at("2026-03-20T13:56:00Z"))).toBe(540);
    expect(secondsLeft(clock, at("2026-03-20T13:57:00Z"))).toBe(480);
  });

  it("has no clock while the meeting is not running", () => {
    expect(sectionClockOf({ ...running(0), active: false, sectionEndsAt: null }, 0)).toBeNull();
  });
});
