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
 * When more documents match, the newest this many matches are the ones ranked and paged through (`total`
 * still counts them all): ranking reads each candidate's text, counting and picking them read only the index.
 */
export const CANDIDATES = 300;

export interface RankedPage {
  rows: { id: number; score: number }[];
  total: number;
}

/** The filter values as groups of facet tokens: a document must hold one token of every group. */
export function facetGroups(filters: SearchFilters): string[][] {
  const groups: string[][] = [];
  if (filters.severity?.length) groups.push(filters.severity.map((v) => facetToken("severity", v)));
  if (filters.status?.length) groups.push(filters.status.map((v) => facetToken("status", v)));
  if (filters.service) groups.push([facetToken("service", filters.service)]);
  if (filters.tag) groups.push([facetToken("tag", filters.tag)]);
  return groups;
}
