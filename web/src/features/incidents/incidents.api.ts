import { api, ifMatchOf, preload } from "../../api/client.ts";
import type { Incident, IncidentStatus, Page, Severity, UpdateIncidentInput } from "../../api/types.ts";

export interface IncidentFilters {
  status?: IncidentStatus | undefined;
  severity?: Severity | undefined;
}

export function listIncidents(filters: IncidentFilters, cursor?: string, signal?: AbortSignal) {
  return api.get<Page<Incident>>("/api/v1/incidents", { ...filters, cursor, limit: 50 }, signal);
}

const incidentPath = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}`;

export function getIncident(key: string, signal?: AbortSignal) {
  return api.get<Incident>(incidentPath(key), undefined, signal);
}

export function preloadIncident(key: string): void {
  preload(incidentPath(key));
}

export interface DeclareIncident {
  title: string;
  severity: Severity;
  startedAt: string;
}

export function declareIncident(input: DeclareIncident) {
  return api.post<Incident>("/api/v1/incidents", input);
}

/** Moves the incident forward (the server stamps the time); 412 if someone changed it meanwhile. */
export function changeIncidentStatus(incident: Incident, status: IncidentStatus) {
  return api.patch<Incident>(`/api/v1/incidents/${incident.key}`, { status }, ifMatchOf(incident));
}

/** What the details dialog may change: everything but the status (StatusActions) and the start. */
export type IncidentChanges = Omit<UpdateIncidentInput, "status" | "startedAt">;

/** Saves only the given fields, with If-Match; 412 if someone changed the incident meanwhile. */
export function updateIncident(incident: Incident, changes: IncidentChanges) {
  return api.patch<Incident>(incidentPath(incident.key), changes, ifMatchOf(incident));
}
