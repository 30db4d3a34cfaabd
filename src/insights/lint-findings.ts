import { sql } from "kysely";
import type { Executor } from "../db/connect.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { defaultConfig } from "../lint/config.ts";
import { lintMarkdown } from "../lint/lint.ts";
import { loadPostmortemRecord, type PostmortemRecord } from "../postmortems/export/postmortem-record.ts";
import { renderMarkdown } from "../postmortems/export/render-markdown.ts";
import type { Clock } from "../shared/clock.ts";
import { stampedCacheFor, type StampedCache } from "../shared/stamped-cache.ts";
import { scopedIncidentIds, type InsightsScope } from "./insights.repository.ts";
import { monthOf } from "./stats.ts";

const LINT_CACHE_SIZE = 5_000;

/** One post-mortem to count findings of, and the stamp of everything its Markdown export is made from. */
export interface LintTarget {
  incidentKey: string;
  month: string;
  /** Changes whenever the exported text may change: post-mortem, incident, timeline, meeting, items, whys, ticks. */
  fingerprint: string;
  version: number;
}

/** Finding counts by fingerprint, kept per database handle across calls. */
export function lintCacheFor(db: object): StampedCache<number> {
  return stampedCacheFor<number>(db, "insights-lint-findings", LINT_CACHE_SIZE);
}

/**
 * The post-mortems in review, published or closed of the incidents in scope, with their fingerprints.
 * A post-mortem's own version does not move when an action item, a why or a checklist tick changes, so
 * the fingerprint adds, per list, its row count, the sum of its versions and its highest id: versions only
 * go up and new rows get higher ids, so any write the Markdown export shows changes one of them.
 */
export async function listLintTargets(db: Executor, scope: InsightsScope): Promise<LintTarget[]> {
  const pm = sql.ref("postmortems.id");
  const rows = await db
    .selectFrom("postmortems")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .select([
      "postmortems.id",
      "postmortems.version",
      "incidents.number",
      "incidents.startedAt",
      "incidents.version as incidentVersion",
      "incidents.timelineRevision",
      sql<string>`(select coalesce(max(version), 0) from meetings where postmortem_id = ${pm})`.as("meeting"),
      sql<string>`(select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0)
        from action_items where postmortem_id = ${pm})`.as("actionItems"),
      sql<string>`(select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0)
        from why_nodes where postmortem_id = ${pm})`.as("whys"),
      sql<string>`(select count(*) || ':' || coalesce(max(ticked_at), '')
        from checklist_ticks where postmortem_id = ${pm})`.as("ticks"),
    ])
    .where("postmortems.status", "in", ["in_review", "published", "closed"])
    .where("incidents.id", "in", scopedIncidentIds(db, scope))
    .execute();
  return rows.map((row) => ({
    incidentKey: formatIncidentKey(row.number),
    month: monthOf(row.startedAt),
    fingerprint: [
      row.id,
      row.version,
      row.incidentVersion,
      row.timelineRevision,
      row.meeting,
      row.actionItems,
      row.whys,
      row.ticks,
    ].join("/"),
    version: row.version,
  }));
}

/** Counts findings of the default rules in a post-mortem's Markdown export, as the lint route does. */
export function countFindings(record: PostmortemRecord): number {
  return lintMarkdown(renderMarkdown(record), defaultConfig()).length;
}

/**
 * Finding counts the cache holds for the targets, and the records of the others, read in the caller's
 * transaction so they can be linted after it ends.
 */
export async function lookUpFindings(
  db: Executor,
  clock: Clock,
  cache: StampedCache<number>,
  targets: readonly LintTarget[],
): Promise<{ known: Map<string, number>; toLint: Map<string, PostmortemRecord> }> {
  const known = new Map<string, number>();
  const toLint = new Map<string, PostmortemRecord>();
  for (const target of targets) {
    const cached = cache.get(target.fingerprint, target.version);
    if (cached !== undefined) known.set(target.fingerprint, cached);
    else toLint.set(target.fingerprint, await loadPostmortemRecord(db, clock, target.incidentKey));
  }
  return { known, toLint };
}
