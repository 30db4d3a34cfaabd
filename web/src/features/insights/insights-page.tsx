import { useSearchParams } from "wouter";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { formatDay, lastDayBefore, plural } from "./format.ts";
import { HeadlineFigures } from "./headline-figures.tsx";
import {
  getInsights,
  insightsCsvHref,
  insightsFiltersOf,
  type Insights,
  type InsightsFilters,
  type InsightsParam,
} from "./insights.api.ts";
import {
  ActionItemsChart,
  DurationsChart,
  IncidentsChart,
  LintChart,
  type ChartSize,
} from "./insights-charts.tsx";
import { InsightsFiltersForm, type FilterErrors } from "./insights-filters.tsx";
import { RecurringLists } from "./recurring-lists.tsx";
import "./insights.css";

const FIELDS: InsightsParam[] = ["from", "to", "severity", "service", "tag"];

export interface InsightsPageProps {
  /** Draw charts at a fixed size instead of the container's width (tests: nothing has a layout there). */
  chartSize?: ChartSize;
}

/** /insights: are incidents getting rarer and shorter, and are the follow-ups done? For one period. */
export function InsightsPage({ chartSize }: InsightsPageProps = {}) {
  useTitle("Insights");
  const [params, setParams] = useSearchParams();
  const filters = insightsFiltersOf(params);
  const key = JSON.stringify(filters);
  const report = useResource((signal) => getInsights(filters, signal), [key]);

  function change(changes: Partial<Record<InsightsParam, string | undefined>>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    });
  }

  const errors: FilterErrors = {};
  if (report.error instanceof ApiError) {
    for (const field of FIELDS) errors[field] = report.error.fieldError(field);
  }
  const fieldError = Object.values(errors).some(Boolean);
  const data = report.data;
  const shownPeriod = data && {
    from: data.period.from.slice(0, 10),
    to: lastDayBefore(data.period.to),
  };

  return (
    <>
      <h1>Insights</h1>
      <p className="hint">Incidents that started in the period, their post-mortems and action items.</p>
      <InsightsFiltersForm
        filters={filters}
        shownPeriod={shownPeriod}
        errors={errors}
        csvHref={insightsCsvHref(filters)}
        onChange={change}
      />
      <ErrorAlert>
        {report.error !== undefined &&
          (fieldError
            ? "Check the filters: the report was not updated."
            : `Could not load the insights: ${messageOf(report.error)}`)}
      </ErrorAlert>
      {report.loading && <p className="loading">Loading insights…</p>}
      {!report.loading && report.error === undefined && data && (
        <Report insights={data} filters={filters} chartSize={chartSize} />
      )}
    </>
  );
}

function describeFilters(filters: InsightsFilters): string {
  const parts = [
    filters.severity && `severity ${filters.severity}`,
    filters.service && `service “${filters.service}”`,
    filters.tag && `tag “${filters.tag}”`,
  ].filter(Boolean);
  return parts.length === 0 ? "" : `, ${parts.join(", ")}`;
}

function Report({
  insights,
  filters,
  chartSize,
}: {
  insights: Insights;
  filters: InsightsFilters;
  chartSize: ChartSize | undefined;
}) {
  const period = `${formatDay(insights.period.from)} to ${formatDay(lastDayBefore(insights.period.to))} (UTC)`;
  const total = insights.incidents.total;
  return (
    <>
      <StatusLine>
        {plural(total, "incident", "incidents")} from {period}
        {describeFilters(filters)}
      </StatusLine>
      {total === 0 ? (
        <p className="empty ins-empty">
          No incident started in this period{describeFilters(filters) ? " with these filters" : ""}: nothing
          to chart. Widen the dates or clear a filter.
        </p>
      ) : (
        <>
          <section aria-labelledby="ins-headline" className="stack">
            <h2 id="ins-headline">Headline figures</h2>
            <HeadlineFigures insights={insights} />
          </section>
          <section aria-labelledby="ins-trends" className="stack">
            <h2 id="ins-trends">Trends</h2>
            <IncidentsChart insights={insights} size={chartSize} />
            <DurationsChart insights={insights} size={chartSize} />
            <ActionItemsChart insights={insights} size={chartSize} />
            <LintChart insights={insights} size={chartSize} />
          </section>
          <section aria-labelledby="ins-recurring" className="stack">
            <h2 id="ins-recurring">What keeps coming back</h2>
            <RecurringLists recurring={insights.recurring} />
          </section>
        </>
      )}
    </>
  );
}
