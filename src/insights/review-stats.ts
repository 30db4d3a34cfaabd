import { evaluatePolicy } from "../process/policy.ts";
import { toUtcIso } from "../shared/time.ts";
import type { ProcessSettings } from "../process/settings.ts";
import type { TimelineKind } from "../timeline/timeline-entry.ts";
import { PUBLISH_WITHIN_DAYS, type Insights } from "./insights.ts";
import type { IncidentFacts } from "./insights.repository.ts";
import { durationStats, round, secondsBetween } from "./stats.ts";

const WEEK_SECONDS = PUBLISH_WITHIN_DAYS * 24 * 60 * 60;

function groupBy<T extends { incidentId: number }, V>(rows: readonly T[], pick: (row: T) => V) {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const list = groups.get(row.incidentId);
    if (list) list.push(pick(row));
    else groups.set(row.incidentId, [pick(row)]);
  }
  return groups;
}

/**
 * How the reviews of the incidents went: time from resolution to the held meeting and to publication, the
 * share published within a week, and the post-mortems the policy requires that are still unpublished.
 */
export function reviewStats(
  facts: readonly IncidentFacts[],
  labels: readonly { incidentId: number; kind: "service" | "tag"; value: string }[],
  timelineKinds: readonly { incidentId: number; kind: TimelineKind }[],
  policy: ProcessSettings["policy"],
  now: Date,
): Insights["review"] {
  const nowIso = toUtcIso(now);
  const tagsOf = groupBy(
    labels.filter((l) => l.kind === "tag"),
    (l) => l.value,
  );
  const kindsOf = groupBy(timelineKinds, (k) => k.kind);
  const decisionOf = (f: IncidentFacts) =>
    f.requiredDecision ??
    evaluatePolicy(
      {
        severity: f.severity,
        customerImpact: f.customerImpact === 1,
        dataLoss: f.dataLoss === 1,
        security: f.security === 1,
        tags: tagsOf.get(f.id) ?? [],
        timelineKinds: kindsOf.get(f.id) ?? [],
      },
      policy,
    ).decision;

  const toMeeting: number[] = [];
  const toPublish: number[] = [];
  let eligible = 0;
  let withinWeek = 0;
  let requiredButUnpublished = 0;
  for (const f of facts) {
    const decision = decisionOf(f);
    if (decision === "always" && f.publishedAt === null) requiredButUnpublished += 1;
    if (f.resolvedAt === null) continue;
    // A heldAt still ahead of now is a plan, not a meeting.
    if (f.heldAt !== null && f.heldAt <= nowIso) toMeeting.push(secondsBetween(f.resolvedAt, f.heldAt));
    const publishSeconds = f.publishedAt === null ? null : secondsBetween(f.resolvedAt, f.publishedAt);
    if (publishSeconds !== null) toPublish.push(publishSeconds);
    if (decision === "skip") continue;
    if (publishSeconds !== null) {
      eligible += 1;
      if (publishSeconds <= WEEK_SECONDS) withinWeek += 1;
    } else if (secondsBetween(f.resolvedAt, nowIso) > WEEK_SECONDS) {
      eligible += 1;
    }
  }
  return {
    timeToMeeting: durationStats(toMeeting),
    timeToPublish: durationStats(toPublish),
    publishedWithinWeekShare: eligible === 0 ? null : round(withinWeek / eligible, 4),
    published: facts.filter((f) => f.publishedAt !== null).length,
    requiredButUnpublished,
  };
}
