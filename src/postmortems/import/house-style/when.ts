import { DateTime, FixedOffsetZone, Info } from "luxon";
import { toUtcIso } from "../../../shared/time.ts";
import { matchZoneAt, type StatedZone } from "./zone.ts";

export type Precision = "second" | "minute" | "day" | "month";
export interface WhenContext {
  /** The document's stated zone; null = UTC (the caller warns once). */
  zone: StatedZone | null;
  /** YYYY-MM-DD to use for a time-only value ("15:40", "08:52 PM"), or null. */
  date: string | null;
}
export type When =
  | {
      ok: true;
      /** The instant, canonical UTC (`2021-12-10T15:40:00Z`). For day and month precision it is the calendar
       *  date at 00:00:00Z, not shifted by any zone: a date alone names a day, not an instant. */
      at: string;
      precision: Precision;
      /** The date as written, in its own zone (the first of the month for month precision). */
      localDate: string;
      /** The luxon zone the value was read in ("Europe/Berlin", "UTC", "UTC+1"). */
      zone: string;
      notes: string[];
      /** Characters of `text` used, counted from its very start (leading spaces included), so
       *  `text.slice(consumed)` is the rest of the line. */
      consumed: number;
    }
  | {
      ok: false;
      /** One sentence: the value as written, what is wrong, and how to write it. */
      message: string;
      /** "absent": the text does not start with a date or time at all (plain text); "invalid": it does,
       *  but the value is wrong. */
      kind: "absent" | "invalid";
    };

interface Clock {
  hour: number;
  minute: number;
  second: number | null;
  raw: string;
  end: number;
}
interface Day {
  year: number;
  month: number;
  day: number | null;
  raw: string;
  end: number;
}
type Found<T> = T | { error: string } | null;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MONTHS = Info.months("long", { locale: "en" }).map((name) => name.toLowerCase());
const WEEKDAYS = Info.weekdays("long", { locale: "en" }).map((name) => name.toLowerCase());
const UNKNOWN = /^(?:\?\?|--|xx|mm|dd)$/i;

const APPROXIMATE = /(~|≈|approx(?:\.|imately)?\s+|about\s+|around\s+|circa\s+|ca\.\s*)\s*/iy;
// YYYY-MM-DD (year of any length, so 22025 is caught; "??", "--", "XX", "MM", "DD" mark an unknown part) or YYYY-MM.
const ISO_DATE =
  /(?:(\d{1,6})-(\d{1,2}|\?\?|--|MM|XX|xx)-(\d{1,2}|\?\?|--|DD|XX|xx)|(\d{4})-(\d{2}|\?\?))(?![\d?]|[A-SU-Za-z])/y;
const WRITTEN_DMY =
  /(?:([A-Za-z]+)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Z][a-z]+)\.?(?:,?\s+(\d{4,6}))?\b/y;
const WRITTEN_MDY =
  /(?:([A-Za-z]+)\.?,?\s+)?([A-Z][a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4,6}))?\b/y;
const WRITTEN_MY = /([A-Z][a-z]+)\.?\s+(\d{4})\b/y;
const DOTTED_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4,6})(?![\d.])/y;
const BAD_DATE = /(?:\d{1,4}\/\d{1,2}\/\d{2,4}|\d{4}\/\d{2,4}-\S*|\d\d[xX?]{2}-\S*|[Yy]{4}-\S*)/y;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?!\d|:\d)/y;
const MERIDIEM = /\s*([ap])\.?m\b\.?/iy;
const HOUR_MERIDIEM = /(\d{1,2})\s*([ap])\.?m\b\.?/iy;
const DOTTED = /(\d{1,2})\.(\d{2})(?![\d.])/y;
const FOUR_DIGITS = /(\d{2})(\d{2})(?![\d:.])/y;
const TIME_UNKNOWN = /(?:(?:HH|hh|--|\?\?|XX|xx):(?:mm|MM|--|\?\?|XX|xx)|TBC\b|TBD\b)/y;
const TIME_NOTE = /\(([^()]*(?:time|tbc|tbd|unknown|not known|\?)[^()]*)\)/iy;
const DASH_SEPARATOR = /\s+[-–—]\s+/y;
const DATE_TIME_SEPARATOR = /(?:T|\s*,\s*at\s+|\s*,\s*|\s+at\s+|\s+)/y;
const ISO_ZONE = /(Z|[+-]\d{2}(?::?\d{2})?)(?![\w:])/y;
// Without the "T", a "-" after a time starts a range (09:00-11:00), so only "+hh:mm" is an offset there.
const PLUS_ZONE = /(\+\d{2}(?::?\d{2})?)(?![\w:])/y;
const RANGE = /\s*(?:-|–|—|\bto\b|\buntil\b)\s*/iy;
const RANGE_UNKNOWN_END = /(?:\d{1,2}|\?\?|HH|hh):(?:\?\?|mm|MM|--)|\?\?:\?\?/y;

function sticky(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}
const isError = (value: unknown): value is { error: string } =>
  typeof value === "object" && value !== null && "error" in value;
const invalid = (message: string): When => ({ ok: false, message, kind: "invalid" });
const pad = (value: number) => String(value).padStart(2, "0");

/** Reads a date and/or time at the start of `text`. */
export function readWhen(text: string, context: WhenContext): When {
  let pos = text.length - text.trimStart().length;
  const notes: string[] = [];
  const approximate = sticky(APPROXIMATE, text, pos);
  if (approximate) {
    notes.push(`approximate (${approximate[1]!.trim()})`);
    pos += approximate[0].length;
  }
  const day = readDay(text, pos);
  if (isError(day)) return invalid(day.error);
  if (!day) return readTimeOnly(text, pos, context, notes);
  if (day.day === null) {
    const afterMonth = readTimePart(text, day.end, day);
    if (afterMonth && !isError(afterMonth) && "hour" in afterMonth)
      notes.push(`the day is not stated, so ${afterMonth.raw} is not used`);
    return dateOnly(day, context, notes, afterMonth && !isError(afterMonth) ? afterMonth.end : day.end);
  }
  const time = readTimePart(text, day.end, day);
  if (isError(time)) return invalid(time.error);
  if (!time) return dateOnly(day, context, notes, day.end);
  if (!("hour" in time)) return dateOnly(day, context, [...notes, time.note], time.end);
  return finish(text, { ...day, day: day.day }, time, context, notes);
}

function readTimeOnly(text: string, pos: number, context: WhenContext, notes: string[]): When {
  const rest = text.slice(pos);
  const alone = /^\s*$/;
  const clock = readClock(
    text,
    pos,
    (end) => alone.test(text.slice(end)) || /^\s*[-–—:|]/.test(text.slice(end)),
  );
  if (isError(clock)) return invalid(clock.error);
  if (!clock) {
    const placeholder = sticky(TIME_UNKNOWN, text, pos);
    if (placeholder && context.date) {
      const date = parseIsoDate(context.date);
      if (date) return dateOnly(date, context, [...notes, "time not stated"], pos + placeholder[0].length);
    }
    const word = rest.split(/\s+/)[0] ?? "";
    const what = word === "" ? "nothing is written" : `"${word}" is not a date or time`;
    return { ok: false, kind: "absent", message: `${what}: write the date and time as YYYY-MM-DD HH:mm` };
  }
  const date = context.date ? parseIsoDate(context.date) : null;
  if (!date || date.day === null) {
    return invalid(`a time without a date (${clock.raw}): write the date too, like 2021-12-10 ${clock.raw}`);
  }
  return finish(text, { ...date, day: date.day }, clock, context, notes);
}

function readDay(text: string, pos: number): Found<Day> {
  const iso = sticky(ISO_DATE, text, pos);
  if (iso) return checkIsoDate(iso[0], (iso[1] ?? iso[4])!, (iso[2] ?? iso[5])!, iso[3], pos + iso[0].length);
  const written = readWrittenDate(text, pos);
  if (written) return written;
  // 10.12.2021 is day.month.year wherever dots are used (German, Danish, ...); slashes are not that clear.
  const dotted = sticky(DOTTED_DATE, text, pos);
  if (dotted) {
    const raw = dotted[0];
    return (
      checkYear(dotted[3]!, raw) ??
      checkCalendar(raw, +dotted[3]!, +dotted[2]!, +dotted[1]!, pos + raw.length)
    );
  }
  const bad = sticky(BAD_DATE, text, pos);
  if (!bad) return null;
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(bad[0]);
  if (slashed || /^\d{1,4}\/\d{1,2}\/\d{2,4}$/.test(bad[0])) {
    const [first, second] = [Number(slashed?.[1]), Number(slashed?.[2])];
    const only = first > 12 ? [second, first] : second > 12 ? [first, second] : null;
    const write = slashed && only ? `${slashed[3]}-${pad(only[0]!)}-${pad(only[1]!)}` : "YYYY-MM-DD";
    return {
      error: `${bad[0]} is not a clear date (day and month order differ by country): write it as ${write}`,
    };
  }
  if (/^\d{4}\//.test(bad[0]))
    return { error: `${bad[0]} states no single year: write the date as YYYY-MM-DD` };
  return { error: `${bad[0]} is a placeholder, not a date: write the date as YYYY-MM-DD` };
}

function checkIsoDate(
  raw: string,
  year: string,
  month: string,
  day: string | undefined,
  end: number,
): Found<Day> {
  const yearError = checkYear(year, raw);
  if (yearError) return yearError;
  if (UNKNOWN.test(month))
    return { error: `${raw} states no month: write at least the year and month, like ${year}-05-??` };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12)
    return { error: `${raw} is not a date: there is no month ${month}` };
  if (day === undefined || UNKNOWN.test(day))
    return { year: Number(year), month: monthNumber, day: null, raw, end };
  return checkCalendar(raw, Number(year), monthNumber, Number(day), end);
}

function checkYear(year: string, raw: string): { error: string } | null {
  if (year.length !== 4)
    return { error: `${year} is not a year (in ${raw}): write a four-digit year, YYYY-MM-DD` };
  const value = Number(year);
  if (value < MIN_YEAR || value > MAX_YEAR) {
    return {
      error: `${year} is not a plausible year (in ${raw}): write a year between ${MIN_YEAR} and ${MAX_YEAR}`,
    };
  }
  return null;
}

function checkCalendar(raw: string, year: number, month: number, day: number, end: number): Found<Day> {
  if (DateTime.fromObject({ year, month, day }, { zone: "UTC" }).isValid)
    return { year, month, day, raw, end };
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" });
  return {
    error: `${raw} is not a date: ${first.toFormat("LLLL yyyy", { locale: "en" })} has ${first.daysInMonth} days`,
  };
}

function parseIsoDate(value: string): Day | null {
  const day = sticky(ISO_DATE, value, 0);
  if (!day) return null;
  const checked = checkIsoDate(day[0], (day[1] ?? day[4])!, (day[2] ?? day[5])!, day[3], 0);
  return checked && !isError(checked) ? checked : null;
}

function monthOf(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower === "sept") return 9;
  const index = MONTHS.findIndex((name) => name === lower || (lower.length === 3 && name.startsWith(lower)));
  return index < 0 ? null : index + 1;
}

function weekdayOf(word: string): number | null {
  const lower = word.toLowerCase();
  const index = WEEKDAYS.findIndex((name) => name === lower || (lower.length >= 3 && name.startsWith(lower)));
  return index < 0 ? null : index + 1;
}

function readWrittenDate(text: string, pos: number): Found<Day> {
  for (const [pattern, dayAt, monthAt] of [
    [WRITTEN_DMY, 2, 3],
    [WRITTEN_MDY, 3, 2],
  ] as const) {
    const match = sticky(pattern, text, pos);
    const month = match ? monthOf(match[monthAt]!) : null;
    if (!match || month === null) continue;
    const weekday = match[1] === undefined ? null : weekdayOf(match[1]);
    if (match[1] !== undefined && weekday === null) continue;
    const raw = match[0].replace(/[,\s]+$/, "");
    if (match[4] === undefined)
      return { error: `${raw} has no year: write it with the year, like ${raw} 2021` };
    const yearError = checkYear(match[4], raw);
    if (yearError) return yearError;
    const day = checkCalendar(raw, Number(match[4]), month, Number(match[dayAt]), pos + match[0].length);
    if (!day || isError(day) || weekday === null) return day;
    const actual = DateTime.fromObject({ year: day.year, month, day: day.day! }, { zone: "UTC" });
    if (actual.weekday !== weekday) {
      return {
        error: `${raw} names the wrong weekday: ${actual.toFormat("d LLLL yyyy", { locale: "en" })} was a ${actual.toFormat("cccc", { locale: "en" })}; check the date`,
      };
    }
    return day;
  }
  const monthYear = sticky(WRITTEN_MY, text, pos);
  const month = monthYear ? monthOf(monthYear[1]!) : null;
  if (!monthYear || month === null) return null;
  return (
    checkYear(monthYear[2]!, monthYear[0]) ?? {
      year: Number(monthYear[2]),
      month,
      day: null,
      raw: monthYear[0],
      end: pos + monthYear[0].length,
    }
  );
}

type TimePart = Clock | { note: string; end: number };

/** After a date: a time, an "unknown time" marker, or nothing. */
function readTimePart(text: string, pos: number, day: Day): Found<TimePart> {
  const dashed = sticky(DASH_SEPARATOR, text, pos);
  const clockAfterDash = dashed ? readClock(text, pos + dashed[0].length, () => false) : null;
  if (clockAfterDash && !isError(clockAfterDash)) return clockAfterDash;
  const separator = sticky(DATE_TIME_SEPARATOR, text, pos);
  if (!separator) return null;
  const at = pos + separator[0].length;
  if (separator[0] === "T" && !/^\d{4}-/.test(day.raw)) return null;
  const clock = readClock(text, at, () => true);
  if (clock) return clock;
  const unknown = sticky(TIME_UNKNOWN, text, at) ?? sticky(TIME_NOTE, text, at);
  if (unknown)
    return {
      note: `time not stated${unknown[1] ? ` (${unknown[1].trim()})` : ""}`,
      end: at + unknown[0].length,
    };
  return null;
}

/** A clock time at `pos`; `strict(end)` says whether a near-miss (11.50, 1600) is an error or just text. */
function readClock(text: string, pos: number, strict: (end: number) => boolean): Found<Clock> {
  const match = sticky(CLOCK, text, pos);
  const hourOnly = match ? null : sticky(HOUR_MERIDIEM, text, pos);
  if (!match && !hourOnly) return nearMiss(text, pos, strict);
  let end = pos + (match ?? hourOnly)![0].length;
  let hour = Number((match ?? hourOnly)![1]);
  const minute = match ? Number(match[2]) : 0;
  const second = match?.[3] === undefined ? null : Number(match[3]);
  const meridiem = hourOnly ? hourOnly : sticky(MERIDIEM, text, end);
  if (match && meridiem) end += meridiem[0].length;
  const raw = text.slice(pos, end);
  if (meridiem) {
    if (hour < 1 || hour > 12)
      return {
        error: `${raw} is not a time: with AM/PM the hour runs 1 to 12; write ${pad(hour)}:${pad(minute)} without it`,
      };
    hour = (hour % 12) + (meridiem[hourOnly ? 2 : 1]!.toLowerCase() === "p" ? 12 : 0);
  }
  if (hour > 23)
    return { error: `${raw} is not a time: hours run 00 to 23 (write midnight as 00:00 of the next day)` };
  if (minute > 59) return { error: `${raw} is not a time: minutes run 00 to 59` };
  if (second !== null && second > 59) return { error: `${raw} is not a time: seconds run 00 to 59` };
  return { hour, minute, second, raw, end };
}

function nearMiss(text: string, pos: number, strict: (end: number) => boolean): Found<Clock> {
  for (const pattern of [DOTTED, FOUR_DIGITS]) {
    const match = sticky(pattern, text, pos);
    if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) continue;
    const end = pos + match[0].length;
    const meridiem = sticky(MERIDIEM, text, end);
    if (strict(end) || (pattern === DOTTED && match[1]!.length === 2) || meridiem) {
      // "2.41 PM" keeps its PM: "write 2:41 PM", never "02:41", which would mean the morning.
      const suggestion = meridiem
        ? `${Number(match[1])}:${match[2]}${meridiem[0]}`
        : `${pad(Number(match[1]))}:${match[2]}`;
      return { error: `${match[0]}${meridiem?.[0] ?? ""} is not a time: write ${suggestion}` };
    }
  }
  return null;
}

interface ZoneMark {
  zone: string;
  label: string;
  end: number;
  offsetMinutes: number | null;
}

function readZoneMark(text: string, pos: number, offsets: RegExp | null): ZoneMark | null {
  const offset = offsets ? sticky(offsets, text, pos) : null;
  if (offset) {
    const [, hours = "0", minutes = "0"] = /^[+-](\d{2}):?(\d{2})?$/.exec(offset[1]!) ?? [];
    const total =
      offset[1] === "Z" ? 0 : (offset[1]!.startsWith("-") ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    return {
      zone: FixedOffsetZone.instance(total).name,
      label: offset[1]!,
      end: pos + offset[0].length,
      offsetMinutes: total,
    };
  }
  const space = /\s*(\(\s*)?/y;
  space.lastIndex = pos;
  const lead = space.exec(text)!;
  const found = matchZoneAt(text.slice(pos + lead[0].length), true);
  if (!found || /^(?:\w|-[A-Za-z])/.test(text.slice(pos + lead[0].length + found.length))) return null;
  let end = pos + lead[0].length + found.length;
  if (lead[1]) {
    const close = /\s*\)/y;
    close.lastIndex = end;
    if (!close.exec(text)) return null;
    end = close.lastIndex;
  }
  if (found.label === "Z" && lead[0] !== "") return null;
  return { zone: found.zone, label: found.label, end, offsetMinutes: null };
}

function finish(
  text: string,
  day: Day & { day: number },
  clock: Clock,
  context: WhenContext,
  notes: string[],
): When {
  let end = clock.end;
  const isIso = text[clock.end - clock.raw.length - 1] === "T";
  const offset = readZoneMark(text, end, isIso ? ISO_ZONE : PLUS_ZONE);
  if (offset) end = offset.end;
  const label = readZoneMark(text, end, null);
  if (label) end = label.end;
  const range = readRangeEnd(text, end, context);
  if (isError(range)) return invalid(range.error);
  if (range) {
    notes.push(range.note);
    end = range.end;
  }
  const zone = offset?.zone ?? label?.zone ?? range?.label?.zone ?? context.zone?.zone ?? "UTC";
  const raw = `${day.raw} ${clock.raw}`;
  const resolved = resolveLocal(day, clock, zone, raw);
  if (isError(resolved)) return invalid(resolved.error);
  if (
    offset &&
    label &&
    DateTime.fromMillis(resolved.ms, { zone: label.zone }).offset !== offset.offsetMinutes
  ) {
    return invalid(
      `${text.slice(text.length - text.trimStart().length, end).trim()} states two different zones (${offset.label} and ${label.label}): write only one`,
    );
  }
  if (resolved.note) notes.push(resolved.note);
  return {
    ok: true,
    at: toUtcIso(new Date(resolved.ms)),
    precision: clock.second === null ? "minute" : "second",
    localDate: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
    zone,
    notes,
    consumed: end,
  };
}

function readRangeEnd(
  text: string,
  pos: number,
  context: WhenContext,
): Found<{ note: string; end: number; label: ZoneMark | null }> {
  const dash = sticky(RANGE, text, pos);
  if (!dash) return null;
  const at = pos + dash[0].length;
  const unknown = sticky(RANGE_UNKNOWN_END, text, at);
  if (unknown)
    return { note: `range end not stated (${unknown[0]})`, end: at + unknown[0].length, label: null };
  const clock = readClock(text, at, () => false);
  if (isError(clock)) return clock;
  if (clock) {
    const label = readZoneMark(text, clock.end, null);
    return { note: `the range ends ${clock.raw}`, end: label?.end ?? clock.end, label };
  }
  if (!sticky(ISO_DATE, text, at)) return null;
  const later = readWhen(text.slice(at), { zone: context.zone, date: null });
  if (!later.ok) return later.kind === "invalid" ? { error: later.message } : null;
  return {
    note: `the range ends ${text.slice(at, at + later.consumed)}`,
    end: at + later.consumed,
    label: null,
  };
}

/** The instant of a wall-clock time in `zone`; an error if the time never happened there (spring forward),
 *  the first of the two if it happened twice (fall back). */
function resolveLocal(
  day: Day & { day: number },
  clock: Clock,
  zone: string,
  raw: string,
): { ms: number; note: string | null } | { error: string } {
  const wall = DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: clock.hour,
      minute: clock.minute,
      second: clock.second ?? 0,
    },
    { zone: "UTC" },
  );
  const wallMs = wall.toMillis();
  const hourMs = 3_600_000;
  const offsets = new Set(
    [-36, 0, 36].map((hours) => DateTime.fromMillis(wallMs + hours * hourMs, { zone }).offset),
  );
  const instants = [...offsets]
    .map((offset) => wallMs - offset * 60_000)
    .filter((ms) => ms + DateTime.fromMillis(ms, { zone }).offset * 60_000 === wallMs)
    .sort((a, b) => a - b);
  if (instants.length === 0) {
    return { error: `${raw} did not happen in ${zone}: the clocks went forward that night; check the time` };
  }
  const note =
    instants.length > 1
      ? `ambiguous: ${raw} happened twice in ${zone} (the clocks went back); took the first, ${toUtcIso(new Date(instants[0]!))}`
      : null;
  return { ms: instants[0]!, note };
}

function dateOnly(day: Day, context: WhenContext, notes: string[], end: number): When {
  const date = `${day.year}-${pad(day.month)}-${pad(day.day ?? 1)}`;
  return {
    ok: true,
    at: `${date}T00:00:00Z`,
    precision: day.day === null ? "month" : "day",
    localDate: date,
    zone: context.zone?.zone ?? "UTC",
    notes,
    consumed: end,
  };
}
