import { toUtcIso, utcInstant } from "../../lib/time.ts";

// The server accepts instants up to 2 minutes ahead of its clock (clock drift); "the future" here
// means the same, so a time typed from a wall clock a minute fast still lands today.
const FUTURE_TOLERANCE_MS = 2 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?=\s|$)\s*([\s\S]*)$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?=\s|$)\s*([\s\S]*)$/;

export type ParsedCapture =
  | {
      ok: true;
      text: string;
      /** Set when a leading time back-dates the entry; otherwise the server stamps it now. */
      occurredAt?: string;
    }
  | { ok: false; error: string };

/**
 * Reads one line of live capture: `text` (stamped now by the server), `HH:MM text` (today in UTC,
 * or yesterday when today's HH:MM is still ahead) or `YYYY-MM-DD HH:MM text` (UTC); seconds optional.
 */
export function parseCapture(raw: string, now: Date): ParsedCapture {
  const line = raw.trim();
  if (!line) return { ok: false, error: "Type what happened, then press Enter." };

  const full = DATE_TIME.exec(line);
  if (full) {
    const [year, month, day, hour, minute, second] = full
      .slice(1, 7)
      .map((part) => Number(part ?? 0)) as number[];
    const occurredAt = utcInstant(year!, month!, day!, hour!, minute!, second!);
    if (!occurredAt)
      return { ok: false, error: `${line.split(/\s+/, 2).join(" ")} is not a date and time that exists.` };
    if (Date.parse(occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
      return { ok: false, error: `${occurredAt.replace("T", " ").slice(0, 16)} UTC is in the future.` };
    }
    return withText(full[7]!, occurredAt);
  }

  const time = TIME_ONLY.exec(line);
  if (time) {
    const [hour, minute, second] = time.slice(1, 4).map((part) => Number(part ?? 0)) as number[];
    const today = utcInstant(
      now.getUTCFullYear(),
      now.getUTCMonth() + 1,
      now.getUTCDate(),
      hour!,
      minute!,
      second!,
    );
    if (!today)
      return { ok: false, error: `${line.split(/\s+/, 1)[0]} is not a time of day (00:00 to 23:59).` };
    const ahead = Date.parse(today) > now.getTime() + FUTURE_TOLERANCE_MS;
    return withText(time[4]!, ahead ? toUtcIso(new Date(Date.parse(today) - DAY_MS)) : today);
  }

  return { ok: true, text: line };
}

function withText(rest: string, occurredAt: string): ParsedCapture {
  const text = rest.trim();
  if (!text) return { ok: false, error: "Add what happened after the time." };
  return { ok: true, text, occurredAt };
}
