import { api } from "../../api/client.ts";
import { SEVERITIES, type Severity } from "../../api/types.ts";
import type { DurationStats, Insights } from "../../../../src/insights/insights.ts";

export type { DurationStats, Insights };

/** The page's filters as the address holds them: `to` is the last day included (the API's is exclusive). */
export interface InsightsFilters {
  from?: string;
  to?: string;
  severity?: Severity;
  service?: string;
  tag?: string;
}

export type InsightsParam = keyof InsightsFilters;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters read from the address, so a report can be bookmarked and shared. */
export function insightsFiltersOf(params: URLSearchParams): InsightsFilters {
  const text = (name: InsightsParam) => params.get(name)?.trim() || undefined;
  const severity = params.get("severity");
  return {
    from: text("from"),
    to: text("to"),
    severity: SEVERITIES.find((s) => s === severity),
    service: text("service"),
    tag: text("tag"),
  };
}

/** The day after `date` (YYYY-MM-DD), or `date` unchanged when it is not a date, so the API names the error. */
export function nextDay(date: string): string {
  if (!DAY.test(date)) return date;
  const next = new Date(`${date}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March: only a day that exists gets a next day.
  if (Number.isNaN(next.getTime()) || next.toISOString().slice(0, 10) !== date) return date;
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The API's query for the filters: the inclusive last day becomes the exclusive bound. */
export function apiQueryOf(filters: InsightsFilters): Record<string, string | undefined> {
  return { ...filters, to: filters.to === undefined ? undefined : nextDay(filters.to) };
}

export function getInsights(filters: InsightsFilters, signal?: AbortSignal): Promise<Insights> {
  return api.get<Insights>("/api/v1/insights", apiQueryOf(filters), signal);
}

/** A plain link to the same report as CSV (the server names the file). */
export function insightsCsvHref(filters: InsightsFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(apiQueryOf(filters))) if (value) query.set(name, value);
  query.set("format", "csv");
  return `/api/v1/insights?${query.toString()}`;
}
