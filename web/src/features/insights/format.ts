// How the insights page writes numbers: durations in human units, months and shares in words.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const NO_DATA = "No data";

/** "45 s", "12 min", "1 h 12 min", "2 d 3 h": rounded first, then the two largest units of the result. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return NO_DATA;
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(Math.round(seconds));
  if (s < MINUTE) return `${sign}${s} s`;
  // 3,590 s rounds to 60 min: that is "1 h", so the unit is chosen after rounding.
  const minutes = Math.round(s / MINUTE);
  if (minutes < HOUR / MINUTE) return `${sign}${minutes} min`;
  if (minutes < DAY / MINUTE) return joined(sign, Math.floor(minutes / 60), "h", minutes % 60, "min");
  const hours = Math.round(s / HOUR);
  return joined(sign, Math.floor(hours / 24), "d", hours % 24, "h");
}

function joined(sign: string, big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${sign}${big} ${bigUnit}` : `${sign}${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** "2026-03" → "Mar 2026". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-");
  return `${MONTHS[Number(number) - 1] ?? number} ${year}`;
}

/** "2026-03" → "Mar 26", short enough for an axis at 360 px. */
export function formatMonthTick(month: string): string {
  const [year, number] = month.split("-");
  return `${MONTHS[Number(number) - 1] ?? number} ${year?.slice(2)}`;
}

/** An ISO instant's UTC day as "1 Mar 2026". */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** The last day inside a period that ends (exclusive) at `iso`, as YYYY-MM-DD. */
export function lastDayBefore(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
}

/** 0.756 → "76 %". */
export function formatShare(share: number | null): string {
  return share === null ? NO_DATA : `${Math.round(share * 100)} %`;
}

/** 4.5 → "4.5 days", 1 → "1 day". */
export function formatDays(days: number | null): string {
  if (days === null) return NO_DATA;
  return `${days} ${days === 1 ? "day" : "days"}`;
}

/** Seconds as hours with one decimal, for a chart axis that must share one unit. */
export function hoursOf(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / HOUR) * 10) / 10;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
