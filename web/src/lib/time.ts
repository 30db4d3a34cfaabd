// Times are written and shown in UTC (SPEC §1); local time is only ever a hint beside them.

const UTC_INPUT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Canonical API form of an instant: ISO 8601 UTC to the second, e.g. `2026-03-18T14:02:00Z`. */
export function toUtcIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `2026-03-18 14:02` (UTC), the form people type and read. */
export function formatUtc(iso: string, withSeconds = false): string {
  const text = iso.replace("T", " ").replace(/(\.\d+)?Z$/, "");
  return withSeconds ? text : text.slice(0, 16);
}

const localFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** The same instant in the browser's time zone, for a tooltip: `18 Mar 2026, 15:02 CET`. */
export function formatLocal(iso: string): string {
  return localFormat.format(new Date(iso));
}

/** A UTC instant from `YYYY-MM-DD HH:MM[:SS]`, or undefined when it is not a time that exists. */
export function parseUtcInput(text: string): string | undefined {
  const match = UTC_INPUT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return utcInstant(year, month, day, hour, minute, second);
}

/** The instant for these UTC calendar fields, or undefined when the calendar has no such time. */
export function utcInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
): string | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return toUtcIso(date);
}
