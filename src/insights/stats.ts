import type { DurationStats } from "./insights.ts";

/** The middle value of a list, or the mean of the two middle values; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile by nearest rank: the value at rank ⌈p/100 × n⌉ of the sorted list; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Count, median and p90 of durations in seconds, rounded to whole seconds. */
export function durationStats(seconds: readonly number[]): DurationStats {
  const mid = median(seconds);
  return {
    count: seconds.length,
    medianSeconds: mid === null ? null : Math.round(mid),
    p90Seconds: percentile(seconds, 90),
  };
}

/** Whole seconds from one ISO instant to another (negative when `to` is earlier). */
export function secondsBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000);
}

/** The UTC calendar month (`YYYY-MM`) of a canonical ISO instant. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Every UTC calendar month that overlaps [from, to), oldest first. */
export function monthsBetween(fromIso: string, toIso: string): string[] {
  const last = monthOf(new Date(Date.parse(toIso) - 1).toISOString());
  const months: string[] = [];
  const cursor = new Date(`${monthOf(fromIso)}-01T00:00:00Z`);
  for (let month = monthOf(fromIso); month <= last; month = monthOf(cursor.toISOString())) {
    months.push(month);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** The first instant of the month `months` after (or before, when negative) the month of `iso`. */
export function startOfMonth(iso: string, months = 0): Date {
  const date = new Date(`${monthOf(iso)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/** Rounds to a number of decimals. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** How two texts are compared for "the same factor": case, spacing and punctuation do not count. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("und")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Groups texts by a normalised key and counts distinct incidents per group; keeps the groups seen in at
 * least `min` incidents, most incidents first (then alphabetically), each shown as its most frequent spelling.
 */
export function recurring(
  entries: readonly { incidentId: number; text: string }[],
  normalise: (text: string) => string,
  options: { min: number; limit: number },
): { text: string; incidents: number }[] {
  const groups = new Map<string, { incidents: Set<number>; spellings: Map<string, number> }>();
  for (const { incidentId, text } of entries) {
    const key = normalise(text);
    if (key === "") continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { incidents: new Set(), spellings: new Map() }));
    group.incidents.add(incidentId);
    const spelling = text.trim().replace(/\s+/g, " ");
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  }
  const byFrequency = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return [...groups.values()]
    .filter((group) => group.incidents.size >= options.min)
    .map((group) => ({
      text: [...group.spellings].sort(byFrequency)[0]![0],
      incidents: group.incidents.size,
    }))
    .sort((a, b) => byFrequency([a.text, a.incidents], [b.text, b.incidents]))
    .slice(0, options.limit);
}
