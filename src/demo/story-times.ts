import type { Clock } from "../shared/clock.ts";
import { toUtcIso } from "../shared/time.ts";
import type { DayTime, DemoStory, Minutes } from "./demo-story.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function timeOfDay(at: DayTime["at"]): number {
  const [hours, minutes] = at.split(":").map(Number) as [number, number];
  return hours * 60 * MINUTE + minutes * MINUTE;
}

/** Turns a story's relative times into UTC instants, anchored on one "now" so a run is repeatable. */
export class StoryTimes {
  readonly start: number;
  readonly #startDay: number;
  readonly #now: number;

  constructor(story: DemoStory, now: Date) {
    this.#now = Math.floor(now.getTime() / MINUTE) * MINUTE;
    if ("minutesAgo" in story.start) {
      this.start = this.#now - story.start.minutesAgo * MINUTE;
    } else {
      const today = Math.floor(this.#now / DAY) * DAY;
      this.start = today - story.start.daysAgo * DAY + timeOfDay(story.start.at);
    }
    this.#startDay = Math.floor(this.start / DAY) * DAY;
  }

  /** The instant `minutes` after the incident started. */
  after(minutes: Minutes): string {
    return toUtcIso(new Date(this.start + minutes * MINUTE));
  }

  on(when: DayTime): string {
    return toUtcIso(new Date(this.#startDay + when.day * DAY + timeOfDay(when.at)));
  }

  /** `YYYY-MM-DD`, `day` days after the incident's start day. */
  date(day: number): string {
    return this.on({ day, at: "00:00" }).slice(0, 10);
  }

  plus(iso: string, minutes: Minutes): string {
    return toUtcIso(new Date(Date.parse(iso) + minutes * MINUTE));
  }

  /** A clock standing at `iso`, or at now if `iso` lies ahead: the story never writes in the future. */
  clockAt(iso: string): Clock {
    const at = Math.min(Date.parse(iso), this.#now);
    return { now: () => new Date(at) };
  }
}
