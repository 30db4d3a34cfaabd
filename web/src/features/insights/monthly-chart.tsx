import type { ReactNode } from "react";
import { BarChart, CartesianGrid, Legend, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatMonthTick } from "./format.ts";

/** A fixed size (tests, where nothing has a layout) instead of following the container's width. */
export interface ChartSize {
  width: number;
  height: number;
}

export interface MonthlyChartProps<Row extends { month: string }> {
  type: "bar" | "line";
  /** One row per month ("YYYY-MM"), in order. */
  rows: Row[];
  size: ChartSize | undefined;
  /** The value axis counts whole things (incidents, items): no 0.5 ticks. */
  integers?: boolean;
  /** Written after every value on the axis and in the tooltip, e.g. " h". */
  unit?: string;
  /** The series: <Bar> or <Line> elements. */
  children: ReactNode;
}

const margin = { top: 8, right: 8, bottom: 0, left: -16 };
const tick = { fontSize: 12 };

/** A chart over the period's months: the same grid, month axis, legend and tooltip for every chart. */
export function MonthlyChart<Row extends { month: string }>({
  type,
  rows,
  size,
  integers = false,
  unit,
  children,
}: MonthlyChartProps<Row>) {
  const Chart = type === "bar" ? BarChart : LineChart;
  const sizing = size
    ? { width: size.width, height: size.height }
    : { responsive: true, className: "ins-chart" };
  return (
    <Chart data={rows} {...sizing} accessibilityLayer={false} margin={margin}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" tickFormatter={formatMonthTick} tick={tick} />
      <YAxis allowDecimals={!integers} tick={tick} {...(unit === undefined ? {} : { unit })} />
      <Tooltip
        labelFormatter={(month) => formatMonth(String(month))}
        {...(unit === undefined ? {} : { formatter: (value: unknown) => `${String(value)}${unit}` })}
      />
      <Legend />
      {children}
    </Chart>
  );
}
