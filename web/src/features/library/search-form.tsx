import { useEffect, useState, type FormEvent } from "react";
import { SEVERITIES, type PostmortemStatus, type Severity } from "../../api/types.ts";
import { SelectField, TextField } from "../../components/field.tsx";
import { SEVERITY_LABELS } from "../incidents/labels.ts";
import { POSTMORTEM_STATUS_LABELS, POSTMORTEM_STATUSES } from "./labels.ts";
import type { LibraryQuery } from "./library.api.ts";

/** The address's names for the library's filters; `status=any` lifts the default "published". */
export type LibraryParam = "q" | "severity" | "status" | "service" | "tag" | "from" | "to";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const ANY_STATUS = "any";

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The library's query read from the address, so a search can be bookmarked and shared. */
export function libraryQueryOf(params: URLSearchParams): LibraryQuery {
  const text = (name: LibraryParam) => params.get(name)?.trim() || undefined;
  const day = (name: LibraryParam) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : undefined;
  };
  const status = params.get("status");
  return {
    q: text("q") ?? "",
    severity: oneOf<Severity>(params.get("severity"), SEVERITIES),
    status: status === null ? "published" : oneOf<PostmortemStatus>(status, POSTMORTEM_STATUSES),
    service: text("service"),
    tag: text("tag"),
    from: day("from"),
    to: day("to"),
  };
}

/** Whether any filter differs from the default (published, nothing else). */
export function hasFilters(query: LibraryQuery): boolean {
  const { q: _q, status, ...rest } = query;
  return status !== "published" || Object.values(rest).some((value) => value !== undefined);
}

export interface SearchFormProps {
  query: LibraryQuery;
  /** Sets the given address parameters (undefined removes one), keeping the others. */
  onChange(changes: Partial<Record<LibraryParam, string | undefined>>): void;
  error?: string;
}

/**
 * The search box and its filters: words, service and tag apply on Enter (or Search); the selects and
 * dates apply at once. Everything lives in the address.
 */
export function SearchForm({ query, onChange, error }: SearchFormProps) {
  const [q, setQ] = useState(query.q);
  const [service, setService] = useState(query.service ?? "");
  const [tag, setTag] = useState(query.tag ?? "");

  // Back/forward and links change the address: show what it says.
  useEffect(() => setQ(query.q), [query.q]);
  useEffect(() => setService(query.service ?? ""), [query.service]);
  useEffect(() => setTag(query.tag ?? ""), [query.tag]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim(), service: service.trim(), tag: tag.trim() });
  }

  return (
    <form role="search" className="lib-search stack" onSubmit={submit} aria-label="Search post-mortems">
      <div className="lib-box">
        <TextField
          label="Search post-mortems"
          type="search"
          value={q}
          error={error}
          description='All words must appear; "quoted phrase" for exact words, deploy* for a prefix.'
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="primary">
          Search
        </button>
      </div>
      <div className="filters lib-filters">
        <SelectField
          label="Severity"
          value={query.severity ?? ""}
          options={[
            { value: "", label: "Any severity" },
            ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
          ]}
          onChange={(e) => onChange({ severity: e.target.value })}
        />
        <SelectField
          label="Post-mortem status"
          value={query.status ?? ANY_STATUS}
          options={[
            ...POSTMORTEM_STATUSES.map((s) => ({ value: s, label: POSTMORTEM_STATUS_LABELS[s] })),
            { value: ANY_STATUS, label: "Any status" },
          ]}
          onChange={(e) => onChange({ status: e.target.value === "published" ? undefined : e.target.value })}
        />
        <TextField
          label="Service"
          value={service}
          autoComplete="off"
          onChange={(e) => setService(e.target.value)}
        />
        <TextField label="Tag" value={tag} autoComplete="off" onChange={(e) => setTag(e.target.value)} />
        <TextField
          label="Started from"
          type="date"
          value={query.from ?? ""}
          max={query.to}
          onChange={(e) => onChange({ from: e.target.value })}
        />
        <TextField
          label="Started until"
          type="date"
          value={query.to ?? ""}
          min={query.from}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </div>
    </form>
  );
}
