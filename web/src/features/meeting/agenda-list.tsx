import { useEffect, useState } from "react";
import { countdownText, formatClock, secondsLeft, sectionClockOf } from "./countdown.ts";
import type { MeetingModeState } from "./meeting.api.ts";

/** This browser's clock, read again every second while `ticking`. */
export function useNow(ticking: boolean, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    setTime(now());
    if (!ticking) return;
    const interval = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(interval);
  }, [ticking, now]);
  return time;
}

export interface SectionCountdownProps {
  mode: MeetingModeState;
  receivedAt: number;
  now: number;
}

/** The time left in the room's section (mm:ss), counted to the server's end time; "over" once past it. */
export function SectionCountdown({ mode, receivedAt, now }: SectionCountdownProps) {
  const clock = sectionClockOf(mode, receivedAt);
  if (!clock || !mode.section) return null;
  const left = secondsLeft(clock, now);
  return (
    <p className="mt-clock">
      <span
        role="timer"
        aria-label={`Time left in ${mode.section.title}`}
        className={left < 0 ? "mt-countdown mt-over" : "mt-countdown"}
      >
        {countdownText(left)}
      </span>{" "}
      <span className="hint">of {formatClock(mode.section.minutes * 60)}</span>
    </p>
  );
}

export interface AgendaListProps {
  mode: MeetingModeState;
  /** The section shown below the agenda (the room's while the meeting runs). */
  viewedIndex: number;
  /** Before the meeting runs, a section can be opened to prepare it. */
  onView(index: number): void;
  /** While the meeting runs, an editor can move the room straight to a section (a skipped or revisited one). */
  onGoto?: ((index: number) => void) | undefined;
  /** A move is under way: the buttons wait for it. */
  moving?: boolean;
}

/** The agenda with each section's minutes; the room's current section is the current step. */
export function AgendaList({ mode, viewedIndex, onView, onGoto, moving = false }: AgendaListProps) {
  const current = mode.active ? mode.section?.index : undefined;
  return (
    <ol className="mt-agenda" aria-label="Agenda">
      {mode.agenda.sections.map((section, i) => {
        const classes = ["mt-step", i === current && "mt-current", i === viewedIndex && "mt-viewed"];
        const minutes = `${section.minutes} min, from minute ${section.startMinute}`;
        let title;
        if (!mode.active) {
          title = (
            <button
              type="button"
              className="link-button mt-step-title"
              aria-pressed={i === viewedIndex}
              onClick={() => onView(i)}
            >
              {section.title}
            </button>
          );
        } else if (onGoto && i !== current) {
          title = (
            <button
              type="button"
              className="link-button mt-step-title"
              aria-label={`Move the room to ${section.title}`}
              disabled={moving}
              onClick={() => onGoto(i)}
            >
              {section.title}
            </button>
          );
        } else {
          title = <span className="mt-step-title">{section.title}</span>;
        }
        return (
          <li
            key={section.key}
            className={classes.filter(Boolean).join(" ")}
            aria-current={i === current ? "step" : undefined}
          >
            {title}
            <span className="hint">{minutes}</span>
          </li>
        );
      })}
    </ol>
  );
}
