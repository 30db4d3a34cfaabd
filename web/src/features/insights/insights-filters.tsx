import { useEffect, useState, type FormEvent } from "react";
import { SEVERITIES } from "../../api/types.ts";
import { SelectField, TextField } from "../../components/field.tsx";
import { SEVERITY_LABELS } from "../incidents/labels.ts";
import type { InsightsFilters, InsightsParam } from "./insights.api.ts";

export type FilterErrors = Partial<Record<InsightsParam, string>>;

export interface InsightsFiltersFormProps {
  filters: InsightsFilters;
  /** The period the last report covered (YYYY-MM-DD, `to` included): shown while the address has none. */
  shownPeriod: { from: string; to: string } | undefined;
  errors: FilterErrors;
  /** The report as CSV; undefined while the filters have errors (the link would download the error). */
  csvHref: string | undefined;
  /** Sets the given address parameters (undefined removes one), keeping the others. */
  onChange(changes: Partial<Record<InsightsParam, string | undefined>>): void;
}

/**
 * The report's filters: dates, service and tag apply with "Show" (Enter), severity at once; all of
 * them live in the address. "Download CSV" fetches the same report as a
 * spreadsheet, offered only while the filters are valid.
 */
export function InsightsFiltersForm({
  filters,
  shownPeriod,
  errors,
  csvHref,
  onChange,
}: InsightsFiltersFormProps) {
  const [from, setFrom] = useState(filters.from ?? shownPeriod?.from ?? "");
  const [to, setTo] = useState(filters.to ?? shownPeriod?.to ?? "");
  const [service, setService] = useState(filters.service ?? "");
  const [tag, setTag] = useState(filters.tag ?? "");

  // The address (back/forward, links) or the report's default period changed: show what they say.
  useEffect(() => setFrom(filters.from ?? shownPeriod?.from ?? ""), [filters.from, shownPeriod?.from]);
  useEffect(() => setTo(filters.to ?? shownPeriod?.to ?? ""), [filters.to, shownPeriod?.to]);
  useEffect(() => setService(filters.service ?? ""), [filters.service]);
  useEffect(() => setTag(filters.tag ?? ""), [filters.tag]);

  // A date left at the default period stays out of the address, so the report keeps following today.
  const dateParam = (value: string, current: string | undefined, shown: string | undefined) =>
    current === undefined && value === shown ? undefined : value.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({
      from: dateParam(from, filters.from, shownPeriod?.from),
      to: dateParam(to, filters.to, shownPeriod?.to),
      service: service.trim(),
      tag: tag.trim(),
    });
  }

  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <form className="ins-filters stack" onSubmit={submit} noValidate aria-label="Report filters">
      <div className="ins-filter-grid">
        <TextField
          label="From"
          type="date"
          value={from}
          error={errors.from}
          description="First day, UTC"
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={to}
          error={errors.to}
          description="Last day, included"
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          label="Severity"
          value={filters.severity ?? ""}
          error={errors.severity}
          options={[
            { value: "", label: "Any severity" },
            ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
          ]}
          onChange={(e) => onChange({ severity: e.target.value || undefined })}
        />
        <TextField
          label="Service"
          value={service}
          error={errors.service}
          onChange={(e) => setService(e.target.value)}
        />
        <TextField label="Tag" value={tag} error={errors.tag} onChange={(e) => setTag(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Show
        </button>
        {filtered && (
          <button
            type="button"
            onClick={() =>
              onChange({
                from: undefined,
                to: undefined,
                severity: undefined,
                service: undefined,
                tag: undefined,
              })
            }
          >
            Reset to the last 12 months
          </button>
        )}
        {csvHref === undefined ? (
          <p className="hint">Correct the filters to download the CSV.</p>
        ) : (
          <a href={csvHref} download className="ins-csv">
            Download CSV
          </a>
        )}
      </div>
    </form>
  );
}
