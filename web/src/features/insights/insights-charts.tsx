import { Bar, Line } from "recharts";
import { SEVERITIES } from "../../api/types.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { formatDuration, formatMonth, hoursOf, NO_DATA, plural } from "./format.ts";
import type { DurationStats, Insights } from "./insights.api.ts";
import { MonthlyChart, type ChartSize } from "./monthly-chart.tsx";

export type { ChartSize };

// Each colour has at least 3:1 contrast on white; the legend names every series in text.
const COLOURS = {
  P1: "#a40e26",
  P2: "#b94a00",
  P3: "#0969da",
  opened: "#1f4e79",
  completed: "#1a7f37",
  detect: "#8250df",
  resolve: "#1f4e79",
  lint: "#7d4e00",
} as const;

const SEVERITY_NAMES = { P1: "P1 critical", P2: "P2 major", P3: "P3 minor" } as const;

interface ChartProps {
  insights: Insights;
  size?: ChartSize | undefined;
}

export function IncidentsChart({ insights, size }: ChartProps) {
  const rows = insights.incidents.byMonth;
  return (
    <ChartFigure
      title="Incidents per month by severity"
      summary={`Stacked bar chart: ${plural(insights.incidents.total, "incident", "incidents")} over ${plural(rows.length, "month", "months")}, split into P1, P2 and P3.`}
      chart={
        <MonthlyChart type="bar" rows={rows} size={size} integers>
          {SEVERITIES.map((severity) => (
            <Bar
              key={severity}
              dataKey={severity}
              name={SEVERITY_NAMES[severity]}
              stackId="severity"
              fill={COLOURS[severity]}
              isAnimationActive={false}
            />
          ))}
        </MonthlyChart>
      }
      rows={rows}
      rowKey={(row) => row.month}
      columns={[
        { label: "Month", value: (row) => formatMonth(row.month) },
        { label: "P1", value: (row) => row.P1 },
        { label: "P2", value: (row) => row.P2 },
        { label: "P3", value: (row) => row.P3 },
        { label: "Total", value: (row) => row.total },
      ]}
    />
  );
}

export function ActionItemsChart({ insights, size }: ChartProps) {
  const rows = insights.actionItems.byMonth;
  const { opened, completed } = insights.actionItems;
  return (
    <ChartFigure
      title="Action items opened and completed, by month of the incident"
      empty={opened === 0 ? "No action item was opened for these incidents." : undefined}
      summary={`Bar chart: ${plural(opened, "action item", "action items")} opened and ${completed} completed, side by side for each month.`}
      chart={
        <MonthlyChart type="bar" rows={rows} size={size} integers>
          <Bar dataKey="opened" name="Opened" fill={COLOURS.opened} isAnimationActive={false} />
          <Bar dataKey="completed" name="Completed" fill={COLOURS.completed} isAnimationActive={false} />
        </MonthlyChart>
      }
      rows={rows}
      rowKey={(row) => row.month}
      columns={[
        { label: "Month", value: (row) => formatMonth(row.month) },
        { label: "Opened", value: (row) => row.opened },
        { label: "Completed", value: (row) => row.completed },
      ]}
    />
  );
}

const NO_DURATIONS = { count: 0, medianSeconds: null, p90Seconds: null };

/** Detection and resolution per month, joined by month (not by position): a month missing from one has no data. */
function durationRows(insights: Insights) {
  const detect = new Map(insights.timeToDetect.byMonth.map((row) => [row.month, row]));
  const resolve = new Map(insights.timeToResolve.byMonth.map((row) => [row.month, row]));
  const months = [...new Set([...detect.keys(), ...resolve.keys()])].sort();
  return months.map((month) => {
    const d: DurationStats = detect.get(month) ?? NO_DURATIONS;
    const r: DurationStats = resolve.get(month) ?? NO_DURATIONS;
    return {
      month,
      detect: d,
      resolve: r,
      detectHours: hoursOf(d.medianSeconds),
      resolveHours: hoursOf(r.medianSeconds),
    };
  });
}

export function DurationsChart({ insights, size }: ChartProps) {
  const rows = durationRows(insights);
  return (
    <ChartFigure
      title="Median time to detect and to resolve, by month (hours)"
      empty={
        insights.timeToDetect.count + insights.timeToResolve.count === 0
          ? "No incident in the period has a detection or resolution time yet."
          : undefined
      }
      summary="Line chart: the median hours from start to detection and from start to resolution for each month; months without incidents are gaps."
      chart={
        <MonthlyChart type="line" rows={rows} size={size} unit=" h">
          <Line
            dataKey="detectHours"
            name="To detect"
            stroke={COLOURS.detect}
            strokeWidth={2}
            strokeDasharray="6 3"
            isAnimationActive={false}
          />
          <Line
            dataKey="resolveHours"
            name="To resolve"
            stroke={COLOURS.resolve}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </MonthlyChart>
      }
      rows={rows}
      rowKey={(row) => row.month}
      columns={[
        { label: "Month", value: (row) => formatMonth(row.month) },
        { label: "Detect, median", value: (row) => formatDuration(row.detect.medianSeconds) },
        { label: "Detect, p90", value: (row) => formatDuration(row.detect.p90Seconds) },
        { label: "Resolve, median", value: (row) => formatDuration(row.resolve.medianSeconds) },
        { label: "Resolve, p90", value: (row) => formatDuration(row.resolve.p90Seconds) },
      ]}
    />
  );
}

export function LintChart({ insights, size }: ChartProps) {
  const rows = insights.lint.byMonth;
  return (
    <ChartFigure
      title="Linter findings per post-mortem, by month"
      empty={
        rows.every((row) => row.postmortems === 0)
          ? "No post-mortem of these incidents is in review or published yet."
          : undefined
      }
      summary="Bar chart: the average number of linter findings per post-mortem for each month; months without a post-mortem have no bar."
      chart={
        <MonthlyChart type="bar" rows={rows} size={size}>
          <Bar
            dataKey="perPostmortem"
            name="Findings per post-mortem"
            fill={COLOURS.lint}
            isAnimationActive={false}
          />
        </MonthlyChart>
      }
      rows={rows}
      rowKey={(row) => row.month}
      columns={[
        { label: "Month", value: (row) => formatMonth(row.month) },
        { label: "Post-mortems", value: (row) => row.postmortems },
        { label: "Findings", value: (row) => row.findings },
        { label: "Per post-mortem", value: (row) => row.perPostmortem ?? NO_DATA },
      ]}
    />
  );
}
