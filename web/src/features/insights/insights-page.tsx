import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { useAddressParams } from "../../lib/use-address-params.ts";
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
  const [params, change] = useAddressParams<InsightsParam>();
  const filters = insightsFiltersOf(params);
  const key = JSON.stringify(filters);
  // The report keeps the filters it was made for: after an error it is still shown, described as it was.
  const report = useResource(
    async (signal) => ({ filters, insights: await getInsights(filters, signal) }),
    [key],
  );

  const errors: FilterErrors = {};
  if (report.error instanceof ApiError) {
    for (const field of FIELDS) errors[field] = report.error.fieldError(field);
  }
  const fieldError = Object.values(errors).some(Boolean);
  // After an error useResource still holds the last report that loaded: keep showing it, and say so.
  const shown = report.loading ? undefined : report.data;
  const data = report.data?.insights;
  const shownPeriod = data && {
    from: data.period.from.slice(0, 10),
    to: lastDayBefore(data.period.to),
  };
  const notUpdated = shown ? " The report below was not updated." : "";

  return (
    <>
      <h1>Insights</h1>
      <p className="hint">Incidents that started in the period, their post-mortems and action items.</p>
      <InsightsFiltersForm
        filters={filters}
        shownPeriod={shownPeriod}
        errors={errors}
        csvHref={fieldError ? undefined : insightsCsvHref(filters)}
        onChange={change}
      />
      <ErrorAlert>
        {report.error !== undefined &&
          (fieldError
            ? `Check the filters: ${shown ? "the report below was not updated." : "no report was made."}`
            : `Could not load the insights: ${messageOf(report.error)}${notUpdated}`)}
      </ErrorAlert>
      {report.loading && <p className="loading">Loading insights…</p>}
      {shown && <Report insights={shown.insights} filters={shown.filters} chartSize={chartSize} />}
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
