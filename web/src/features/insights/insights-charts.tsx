import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES } from "../../api/types.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { formatDuration, formatMonth, formatMonthTick, hoursOf, NO_DATA, plural } from "./format.ts";
import type { Insights } from "./insights.api.ts";

/** A fixed size (tests, where nothing has a layout) instead of following the container's width. */
export interface ChartSize {
  width: number;
  height: number;
}

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

function sizing(size: ChartSize | undefined) {
  return size ? { width: size.width, height: size.height } : { responsive: true, className: "ins-chart" };
}

const common = { accessibilityLayer: false, margin: { top: 8, right: 8, bottom: 0, left: -16 } };
const xAxis = <XAxis dataKey="month" tickFormatter={formatMonthTick} tick={{ fontSize: 12 }} />;
const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} />;
const tooltip = <Tooltip labelFormatter={(month) => formatMonth(String(month))} />;
const legend = <Legend />;

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
        <BarChart data={rows} {...sizing(size)} {...common}>
          {grid}
          {xAxis}
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          {tooltip}
          {legend}
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
        </BarChart>
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
      summary={`Bar chart: ${opened} action items opened and ${completed} completed, side by side for each month.`}
      chart={
        <BarChart data={rows} {...sizing(size)} {...common}>
          {grid}
          {xAxis}
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          {tooltip}
          {legend}
          <Bar dataKey="opened" name="Opened" fill={COLOURS.opened} isAnimationActive={false} />
          <Bar dataKey="completed" name="Completed" fill={COLOURS.completed} isAnimationActive={false} />
        </BarChart>
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

export function DurationsChart({ insights, size }: ChartProps) {
  const rows = insights.timeToResolve.byMonth.map((resolve, index) => ({
    month: resolve.month,
    resolve,
    detect: insights.timeToDetect.byMonth[index]!,
    resolveHours: hoursOf(resolve.medianSeconds),
    detectHours: hoursOf(insights.timeToDetect.byMonth[index]?.medianSeconds ?? null),
  }));
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
        <LineChart data={rows} {...sizing(size)} {...common}>
          {grid}
          {xAxis}
          <YAxis tick={{ fontSize: 12 }} unit=" h" />
          <Tooltip
            labelFormatter={(month) => formatMonth(String(month))}
            formatter={(value) => `${String(value)} h`}
          />
          {legend}
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
        </LineChart>
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
        <BarChart data={rows} {...sizing(size)} {...common}>
          {grid}
          {xAxis}
          <YAxis tick={{ fontSize: 12 }} />
          {tooltip}
          {legend}
          <Bar
            dataKey="perPostmortem"
            name="Findings per post-mortem"
            fill={COLOURS.lint}
            isAnimationActive={false}
          />
        </BarChart>
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
