import type { IncidentRow, PostmortemRow } from "../db/database.ts";
import { facetToken } from "./index-incident.ts";

export interface SearchFilters {
  severity?: readonly string[] | undefined;
  status?: readonly string[] | undefined;
  service?: string | undefined;
  tag?: string | undefined;
  /** Inclusive lower bound on startedAt (canonical UTC). */
  from?: string | undefined;
  /** Exclusive upper bound on startedAt (canonical UTC). */
  to?: string | undefined;
}

/**
 * When more documents match, the newest this many matches are the ones ranked and paged through: ranking
 * reads each candidate's text, picking them reads only the index.
 */
export const CANDIDATES = 300;

/**
 * Matches are counted up to this many (the ones a user can page through); past it `total` is this number and
 * `totalIsLowerBound` is true. Counting every match of a common word would read its whole index entry.
 */
export const COUNT_CAP = CANDIDATES;

export interface RankedPage {
  /** `columns`: the sections to mark (null: every section). */
  rows: { id: number; score: number; columns: readonly string[] | null }[];
  total: number;
  totalIsLowerBound: boolean;
}

/** One page of hits, best first, with their scores, and how many match (see cappedTotal). */
export interface ScoredPage {
  rows: (PageRow & { score: number })[];
  total: number;
  totalIsLowerBound: boolean;
}

/** One hit's row: incident, post-mortem status, labels sorted by value, and its fields with matches marked. */
export interface PageRow {
  id: number;
  number: number;
  title: string;
  severity: IncidentRow["severity"];
  status: IncidentRow["status"];
  startedAt: string;
  postmortemStatus: PostmortemRow["status"];
  labels: { kind: "service" | "tag"; value: string }[];
  marked: Record<string, string | null>;
}

/** Labels in the order hits show them: by value (code units, as JavaScript compares strings). */
export function sortLabels(labels: PageRow["labels"]): PageRow["labels"] {
  return labels.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** `total` and its flag from a count of at most COUNT_CAP + 1 matches. */
export function cappedTotal(counted: number): Pick<RankedPage, "total" | "totalIsLowerBound"> {
  return counted > COUNT_CAP
    ? { total: COUNT_CAP, totalIsLowerBound: true }
    : { total: counted, totalIsLowerBound: false };
}

/**
 * The filter values as groups of facet tokens: a document must hold one token of every group. With `dates`,
 * a group of date tokens covers the date bounds too (FTS5 then needs no join to the start column).
 */
export function facetGroups(filters: SearchFilters, dates = true): string[][] {
  const groups: string[][] = [];
  if (filters.severity?.length) groups.push(filters.severity.map((v) => facetToken("severity", v)));
  if (filters.status?.length) groups.push(filters.status.map((v) => facetToken("status", v)));
  if (filters.service) groups.push([facetToken("service", filters.service)]);
  if (filters.tag) groups.push([facetToken("tag", filters.tag)]);
  const cover = dates ? dateCover(filters) : null;
  if (cover) groups.push(cover.tokens);
  return groups;
}

/** Whether the date tokens alone decide the date filters (both bounds absent or at a month's start). */
export function datesAreExact(filters: SearchFilters): boolean {
  return dateCover(filters)?.exact ?? true;
}

// Month units of the date tokens (`zk` millennium, `zc` century, `zd` decade, `zy` year, `zm` month), largest first.
const UNITS = [
  [12000, (y: string) => `zk${y.slice(0, 1)}`],
  [1200, (y: string) => `zc${y.slice(0, 2)}`],
  [120, (y: string) => `zd${y.slice(0, 3)}`],
  [12, (y: string) => `zy${y}`],
  [1, (y: string, m: string) => `zm${y}${m}`],
] as const;
const LAST_MONTH = 10000 * 12;

const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const isMonthStart = (iso: string) => iso.slice(8) === "01T00:00:00Z";

/**
 * The fewest date tokens whose months cover [from, to) (at most ~90, usually a handful), and whether they
 * cover it exactly; null without bounds. An empty range gives an impossible token, so nothing matches.
 */
export function dateCover(filters: SearchFilters): { tokens: string[]; exact: boolean } | null {
  const { from, to } = filters;
  if (!from && !to) return null;
  const first = from ? monthOf(from) : 0;
  const end = to ? Math.min(LAST_MONTH, monthOf(to) + (isMonthStart(to) ? 0 : 1)) : LAST_MONTH;
  const exact = (!from || isMonthStart(from)) && (!to || isMonthStart(to));
  const tokens: string[] = [];
  for (let at = first; at < end;) {
    const [size, token] = UNITS.find(([size]) => at % size === 0 && at + size <= end)!;
    const year = String(Math.floor(at / 12)).padStart(4, "0");
    tokens.push(token(year, String((at % 12) + 1).padStart(2, "0")));
    at += size;
  }
  return { tokens: tokens.length > 0 ? tokens : ["zm0none"], exact: exact && tokens.length > 0 };
}
