import { api } from "../../api/client.ts";
import type { Incident, PostmortemStatus, Severity } from "../../api/types.ts";

// The search and similar shapes are repeated from src/search/search.ts and src/similar/similar.ts: the
// web app may import only the schema files listed in eslint.config.js. Keep them in step.

export type SearchField =
  | "title"
  | "impact"
  | "rootCause"
  | "contributingFactors"
  | "resolution"
  | "lessons"
  | "timeline"
  | "actionItems";

export interface SnippetFragment {
  text: string;
  match: boolean;
}

export interface Snippet {
  field: SearchField;
  fragments: SnippetFragment[];
}

export interface SearchHit {
  incidentKey: string;
  title: string;
  severity: Severity;
  incidentStatus: Incident["status"];
  postmortemStatus: PostmortemStatus;
  startedAt: string;
  services: string[];
  tags: string[];
  score: number;
  snippets: Snippet[];
}

export interface SearchResults {
  items: SearchHit[];
  nextCursor: string | null;
  total: number;
  /** The count stopped at the first few hundred matches: there are more than `total`. */
  totalIsLowerBound?: boolean;
}

export interface SimilarIncident {
  incidentKey: string;
  title: string;
  severity: Severity;
  startedAt: string;
  postmortemStatus: PostmortemStatus;
  /** Text similarity, 0..1. */
  score: number;
  sharedTerms: string[];
}

/** What the library asks for; `status` undefined means any post-mortem status. */
export interface LibraryQuery {
  q: string;
  severity?: Severity;
  status?: PostmortemStatus;
  service?: string;
  tag?: string;
  /** YYYY-MM-DD, on the incident's start (UTC). */
  from?: string;
  to?: string;
}

export const SEARCH_PAGE_SIZE = 20;

/** A page of hits for the words, or without words (`q` empty) the post-mortems matching the filters, latest first. */
export function searchPostmortems(
  query: LibraryQuery,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<SearchResults> {
  return api.get<SearchResults>("/api/v1/search", { ...query, limit: SEARCH_PAGE_SIZE, cursor }, signal);
}

export async function findSimilarIncidents(key: string, signal?: AbortSignal): Promise<SimilarIncident[]> {
  const result = await api.get<{ items: SimilarIncident[] }>(
    `/api/v1/incidents/${encodeURIComponent(key)}/similar`,
    { limit: 5 },
    signal,
  );
  return result.items;
}
