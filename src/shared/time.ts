import { z } from "zod";

const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Canonical stored form of an instant: ISO 8601 UTC to the second, e.g. `2026-03-18T14:02:00Z`. */
export function toUtcIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** An ISO 8601 instant in UTC (`Z` suffix, no offsets) that exists on the calendar; normalised to seconds. */
export const UtcTimestamp = z
  .string()
  .refine((value) => {
    const match = UTC_TIMESTAMP.exec(value);
    if (!match) return false;
    const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
    return isRealDate(y!, mo!, d!) && h! < 24 && mi! < 60 && s! < 60;
  }, "must be an ISO 8601 UTC timestamp that exists, like 2026-03-18T14:02:00Z (no offsets: convert to UTC)")
  .transform((value) => toUtcIso(new Date(value)))
  .meta({ format: "date-time", example: "2026-03-18T14:02:00Z" });
export type UtcTimestamp = z.infer<typeof UtcTimestamp>;

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = z
  .string()
  .refine((value) => {
    const match = DATE_ONLY.exec(value);
    return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }, "must be a date that exists, written YYYY-MM-DD")
  .meta({ format: "date", example: "2026-03-25" });
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A UTC instant as the API returns it (documentation only; output is never re-parsed). */
export const UtcInstant = z.string().meta({ format: "date-time", example: "2026-03-18T14:02:00Z" });

// Clocks drift; an instant a little ahead of the server's own clock is still accepted.
export const FUTURE_TOLERANCE_MS = 2 * 60 * 1000;

/** True when `iso` lies further ahead of `now` than clock drift explains. */
export function isInFuture(iso: string, now: Date): boolean {
  return Date.parse(iso) > now.getTime() + FUTURE_TOLERANCE_MS;
}
