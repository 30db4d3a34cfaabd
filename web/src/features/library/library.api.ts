import { api } from "../../api/client.ts";
import type { Incident, Page, PostmortemStatus, Severity } from "../../api/types.ts";

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

export function searchPostmortems(
  query: LibraryQuery,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<SearchResults> {
  return api.get<SearchResults>("/api/v1/search", { ...query, limit: SEARCH_PAGE_SIZE, cursor }, signal);
}

/** One post-mortem as the library lists it when nothing is searched. */
export interface LibraryEntry {
  incidentKey: string;
  title: string;
  severity: Severity;
  postmortemStatus: PostmortemStatus;
  startedAt: string;
  services: string[];
  tags: string[];
}

// The shape of GET /api/v1/postmortems items (src/process/overdue.ts), only what the library reads.
interface PostmortemListItem {
  incidentKey: string;
  status: PostmortemStatus;
}

const BROWSE_LIMIT = 500;

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfDay = (day: string) => `${day}T00:00:00Z`;
const dayAfter = (day: string) =>
  startOfDay(new Date(Date.parse(startOfDay(day)) + DAY_MS).toISOString().slice(0, 10));

/**
 * The post-mortems matching the filters, newest incident first, when no words are searched: the
 * incidents list (which filters by severity, service, tag and dates) joined with the post-mortems list
 * (which knows each post-mortem's status). Both are read up to 500 rows.
 */
export async function browsePostmortems(
  query: Omit<LibraryQuery, "q">,
  signal?: AbortSignal,
): Promise<LibraryEntry[]> {
  const [incidents, postmortems] = await Promise.all([
    api.get<Page<Incident>>(
      "/api/v1/incidents",
      {
        severity: query.severity,
        service: query.service,
        tag: query.tag,
        from: query.from ? startOfDay(query.from) : undefined,
        to: query.to ? dayAfter(query.to) : undefined,
        limit: BROWSE_LIMIT,
      },
      signal,
    ),
    api.get<Page<PostmortemListItem>>("/api/v1/postmortems", { limit: BROWSE_LIMIT }, signal),
  ]);
  const statusOf = new Map(postmortems.items.map((pm) => [pm.incidentKey, pm.status]));
  return incidents.items.flatMap((incident) => {
    const status = statusOf.get(incident.key);
    if (!status || (query.status && status !== query.status)) return [];
    return [
      {
        incidentKey: incident.key,
        title: incident.title,
        severity: incident.severity,
        postmortemStatus: status,
        startedAt: incident.startedAt,
        services: incident.services,
        tags: incident.tags,
      },
    ];
  });
}

export async function findSimilarIncidents(key: string, signal?: AbortSignal): Promise<SimilarIncident[]> {
  const result = await api.get<{ items: SimilarIncident[] }>(
    `/api/v1/incidents/${encodeURIComponent(key)}/similar`,
    { limit: 5 },
    signal,
  );
  return result.items;
}
