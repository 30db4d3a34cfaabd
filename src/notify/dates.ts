const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` plus `days` (may be negative), in UTC. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function startOfDay(date: string): string {
  return `${date}T00:00:00Z`;
}

export { DAY_MS };
