import { preload } from "./api/client.ts";
import { preloadIncident } from "./features/incidents/incidents.api.ts";
import { preloadTimeline } from "./features/timeline/timeline.api.ts";

/**
 * Asks for the data of the address being opened while React starts, instead of after the session
 * check: the incident page is usable about one round trip sooner. Pages consume it through api.get.
 */
export function preloadRoute(pathname: string): void {
  preload("/api/v1/auth/me");
  const incident = /^\/incidents\/(INC-[1-9]\d*)\/?$/.exec(pathname)?.[1];
  if (incident) {
    preloadIncident(incident);
    preloadTimeline(incident);
  }
}
