import type { MeetingModeState } from "./meeting.api.ts";

// The section clock. Every browser counts down to the server's `sectionEndsAt`, so two people following
// the same meeting see the same time; a browser whose own clock is clearly off (more than two seconds
// from the server's) corrects by the difference the server's `remainingSeconds` reveals.

const SKEW_TOLERANCE_MS = 2_000;

export interface SectionClock {
  endsAtMs: number;
  /** Add to this browser's `Date.now()` to get the server's time. */
  offsetMs: number;
}

/** The clock for the running section of `mode`, read at `receivedAtMs`; null when nothing runs. */
export function sectionClockOf(mode: MeetingModeState, receivedAtMs: number): SectionClock | null {
  if (!mode.active || !mode.sectionEndsAt) return null;
  const endsAtMs = Date.parse(mode.sectionEndsAt);
  if (mode.remainingSeconds === null) return { endsAtMs, offsetMs: 0 };
  // The server rounds its remaining seconds down, so this is its "now" to within a second.
  const serverNowMs = endsAtMs - mode.remainingSeconds * 1000;
  const offsetMs = serverNowMs - receivedAtMs;
  return { endsAtMs, offsetMs: Math.abs(offsetMs) > SKEW_TOLERANCE_MS ? offsetMs : 0 };
}

/** Whole seconds left in the section at `nowMs` (this browser's clock); negative once over time. */
export function secondsLeft(clock: SectionClock, nowMs: number): number {
  return Math.ceil((clock.endsAtMs - (nowMs + clock.offsetMs)) / 1000) + 0;
}

/** `mm:ss` of a number of seconds (its size: the sign is said in words). */
export function formatClock(seconds: number): string {
  const total = Math.abs(seconds);
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** "04:05 left", or "01:02 over" once the section ran over its time. */
export function countdownText(seconds: number): string {
  return seconds >= 0 ? `${formatClock(seconds)} left` : `${formatClock(seconds)} over`;
}
