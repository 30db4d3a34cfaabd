import { Link } from "wouter";
import { UtcTime } from "../../components/utc-time.tsx";
import { SeverityBadge } from "../incidents/incidents-page.tsx";
import { FIELD_LABELS, POSTMORTEM_STATUS_LABELS } from "./labels.ts";
import type { SearchHit } from "./library.api.ts";
import { SnippetText } from "./snippet-text.tsx";

const postmortemHref = (key: string) => `/incidents/${encodeURIComponent(key)}/postmortem`;

/** One post-mortem in the library: its title links to it; a search hit adds the snippets that matched. */
export function LibraryItem({ entry }: { entry: SearchHit }) {
  const { snippets } = entry;
  const labels = [
    entry.services.length > 0 && `Services: ${entry.services.join(", ")}`,
    entry.tags.length > 0 && `Tags: ${entry.tags.join(", ")}`,
  ].filter(Boolean);
  return (
    <li className="card-row lib-item">
      <h2 className="lib-title">
        <Link href={postmortemHref(entry.incidentKey)}>{entry.title}</Link>
      </h2>
      <p className="badges">
        <span className="key">{entry.incidentKey}</span>
        <SeverityBadge severity={entry.severity} />
        <span className={`badge lib-status-${entry.postmortemStatus}`}>
          {POSTMORTEM_STATUS_LABELS[entry.postmortemStatus]}
        </span>
        <span className="started">
          Started <UtcTime iso={entry.startedAt} />
        </span>
      </p>
      {snippets.map((snippet, i) => (
        <p key={`${snippet.field}-${i}`} className="lib-snippet">
          <span className="lib-field">{FIELD_LABELS[snippet.field]}: </span>
          <SnippetText fragments={snippet.fragments} />
        </p>
      ))}
      {labels.length > 0 && <p className="hint lib-labels">{labels.join(" · ")}</p>}
    </li>
  );
}

export function LibraryList({ entries }: { entries: readonly SearchHit[] }) {
  return (
    <ol className="card-list lib-list" aria-label="Post-mortems">
      {entries.map((entry) => (
        <LibraryItem key={entry.incidentKey} entry={entry} />
      ))}
    </ol>
  );
}
