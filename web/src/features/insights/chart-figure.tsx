import { useId, type ReactNode } from "react";

export interface Column<Row> {
  label: string;
  value(row: Row): ReactNode;
}

export interface ChartFigureProps<Row> {
  /** The caption: the chart's accessible name, and the table's. */
  title: string;
  /** What the picture shows, read out in place of the drawing (the table has the numbers). */
  summary: string;
  chart: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** Shown instead of the chart and table when the period has nothing to draw. */
  empty?: string | undefined;
}

/**
 * A chart as a captioned figure: the drawing is one image with a spoken summary, and the same numbers
 * follow in a table behind "Show as table", for screen readers, keyboards and copying.
 */
export function ChartFigure<Row>({
  title,
  summary,
  chart,
  columns,
  rows,
  rowKey,
  empty,
}: ChartFigureProps<Row>) {
  const captionId = useId();
  if (empty) {
    return (
      <figure className="ins-figure" aria-labelledby={captionId}>
        <figcaption id={captionId} className="ins-caption">
          {title}
        </figcaption>
        <p className="empty">{empty}</p>
      </figure>
    );
  }
  return (
    <figure className="ins-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="ins-caption">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="ins-chart-box">
        {chart}
      </div>
      <details className="ins-details">
        <summary>Show as table</summary>
        <table className="ins-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column, index) =>
                  index === 0 ? (
                    <th key={column.label} scope="row">
                      {column.value(row)}
                    </th>
                  ) : (
                    <td key={column.label}>{column.value(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
