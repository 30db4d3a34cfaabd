import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { Link } from "wouter";
import { useResource } from "../../lib/use-resource.ts";
import { SeverityBadge } from "../incidents/incidents-page.tsx";
import { similarityWords } from "./labels.ts";
import { findSimilarIncidents, type SimilarIncident } from "./library.api.ts";
import "./library.css";

export interface SimilarIncidentsProps {
  incidentKey: string;
  /** Replaces the API call (tests). */
  load?: (key: string, signal: AbortSignal) => Promise<SimilarIncident[]>;
}

/** True once the element has come near the viewport; at once where IntersectionObserver is missing. */
function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    const Observer = typeof window === "undefined" ? undefined : window.IntersectionObserver;
    if (!element || !Observer) return setNear(true);
    const observer = new Observer(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}

/**
 * "Similar past incidents" on a post-mortem page: up to five, each with why (the shared words) and how
 * close (words and a bar). Asked for only when the section scrolls near the screen; a failure stays quiet.
 */
export function SimilarIncidents({ incidentKey, load = findSimilarIncidents }: SimilarIncidentsProps) {
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  const headingId = useId();
  const similar = useResource(
    (signal) => (near ? load(incidentKey, signal) : Promise.resolve(undefined)),
    [near, incidentKey],
  );

  return (
    <section ref={ref} className="similar" aria-labelledby={headingId}>
      <h2 id={headingId}>Similar past incidents</h2>
      {similar.error !== undefined ? (
        <p className="hint">Similar incidents could not be loaded right now.</p>
      ) : !similar.data ? (
        <p className="loading">Looking for similar incidents…</p>
      ) : similar.data.length === 0 ? (
        <p className="empty">No past incident reads like this one yet.</p>
      ) : (
        <ul className="similar-list" aria-labelledby={headingId}>
          {similar.data.map((item) => (
            <SimilarItem key={item.incidentKey} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SimilarItem({ item }: { item: SimilarIncident }) {
  const words = similarityWords(item.score);
  const percent = Math.round(item.score * 100);
  return (
    <li className="similar-item">
      <Link href={`/incidents/${encodeURIComponent(item.incidentKey)}/postmortem`}>{item.title}</Link>
      <p className="badges">
        <span className="key">{item.incidentKey}</span>
        <SeverityBadge severity={item.severity} />
        <time dateTime={item.startedAt}>{item.startedAt.slice(0, 10)}</time>
      </p>
      <p className="similar-score">
        <meter min={0} max={1} value={item.score} aria-label={`Similarity ${percent}%`} />
        <span>
          {words} ({percent}%)
        </span>
      </p>
      {item.sharedTerms.length > 0 && <p className="hint">Shared: {item.sharedTerms.join(", ")}</p>}
    </li>
  );
}
