import { useId, type ReactNode } from "react";
import { formatDays, formatDuration, formatShare, NO_DATA } from "./format.ts";
import type { DurationStats, Insights } from "./insights.api.ts";

/** One card of figures: a region named by its title, holding a term/value list. */
function Card({ title, figures, note }: { title: string; figures: [string, ReactNode][]; note?: string }) {
  const id = useId();
  return (
    <section className="ins-card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl>
        {figures.map(([term, value]) => (
          <div key={term} className="ins-figure-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="hint">{note}</p>}
    </section>
  );
}

function durationFigures(stats: DurationStats): [string, ReactNode][] {
  return [
    ["Median", formatDuration(stats.medianSeconds)],
    ["p90", formatDuration(stats.p90Seconds)],
  ];
}

const over = (stats: DurationStats, what: string) =>
  `Over ${stats.count} ${what}${stats.count === 1 ? "" : "s"}.`;

/** The period's headline numbers: counts, detect/resolve times, review timeliness, follow-through, lint. */
export function HeadlineFigures({ insights }: { insights: Insights }) {
  const { incidents, timeToDetect, timeToResolve, review, actionItems } = insights;
  const open = Math.max(0, actionItems.opened - actionItems.completed - actionItems.wontDo);
  const linted = insights.lint.byMonth.reduce((sum, m) => sum + m.postmortems, 0);
  const findings = insights.lint.byMonth.reduce((sum, m) => sum + m.findings, 0);
  return (
    <div className="ins-cards">
      <Card
        title="Incidents"
        figures={[
          ["Total", incidents.total],
          ["P1 critical", incidents.bySeverity.P1],
          ["P2 major", incidents.bySeverity.P2],
          ["P3 minor", incidents.bySeverity.P3],
        ]}
      />
      <Card
        title="Time to detect"
        figures={durationFigures(timeToDetect)}
        note={`From start to detection. ${over(timeToDetect, "incident")}`}
      />
      <Card
        title="Time to resolve"
        figures={durationFigures(timeToResolve)}
        note={`From start to resolution. ${over(timeToResolve, "incident")}`}
      />
      <Card
        title="Review"
        figures={[
          ["Median time to meeting", formatDuration(review.timeToMeeting.medianSeconds)],
          ["Median time to publish", formatDuration(review.timeToPublish.medianSeconds)],
          ["Published within a week", formatShare(review.publishedWithinWeekShare)],
          ["Published", review.published],
          ["Required, not published", review.requiredButUnpublished],
        ]}
        note="Times count from the incident's resolution."
      />
      <Card
        title="Action items"
        figures={[
          ["Opened", actionItems.opened],
          ["Done", actionItems.completed],
          ["Still open", open],
          ["Overdue", actionItems.overdue],
          ["Won't do", actionItems.wontDo],
          ["Median time to close", formatDays(actionItems.medianDaysToClose)],
        ]}
        note="Of the incidents in the period; overdue ones are open past their due date."
      />
      <Card
        title="Post-mortem quality"
        figures={[
          ["Linter findings per post-mortem", linted === 0 ? NO_DATA : (findings / linted).toFixed(2)],
          ["Post-mortems checked", linted],
        ]}
        note="Post-mortems in review, published or closed, checked with the default rules."
      />
    </div>
  );
}
