import { type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { z } from "zod";
import type { Executor } from "../db/connect.ts";
import type { Database } from "../db/database.ts";
import { formatIncidentKey, Severity } from "../incidents/incident.ts";
import { PostmortemStatus } from "../postmortems/postmortem.ts";
import type { Clock } from "../shared/clock.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import type { Page } from "../shared/page.ts";
import { toUtcIso, UtcInstant } from "../shared/time.ts";
import { Deadlines, deadlinesFor } from "./deadlines.ts";
import { getProcessSettings, type ProcessSettings } from "./settings.ts";

export const DeadlineFilter = z.enum(["overdue", "due", "on_track"]);
export type DeadlineFilter = z.infer<typeof DeadlineFilter>;

export const PostmortemDeadlineQuery = z.strictObject({
  deadline: DeadlineFilter.optional().meta({
    description: "The worse of the two deadlines: overdue, due, or on_track (nothing due yet); absent: all",
  }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type PostmortemDeadlineQuery = z.output<typeof PostmortemDeadlineQuery>;

export const PostmortemDeadlineItem = z.object({
  incidentKey: z.string().meta({ example: "INC-42" }),
  title: z.string(),
  severity: Severity,
  status: PostmortemStatus.meta({ description: "The post-mortem's status" }),
  resolvedAt: UtcInstant.nullable(),
  deadlines: Deadlines,
});
export type PostmortemDeadlineItem = z.infer<typeof PostmortemDeadlineItem>;

type Eb = ExpressionBuilder<Database & { m: Database["meetings"] }, "postmortems" | "incidents" | "m">;

// Unresolved incidents sort after every resolved one; this stands in for their missing resolution time.
const NOT_RESOLVED = "9999-12-31T23:59:59Z";
const HOUR_MS = 60 * 60 * 1000;

/** The instant `hours` before `now`: an incident resolved at or before it has passed that deadline. */
function before(now: Date, hours: number): string {
  return toUtcIso(new Date(now.getTime() - hours * HOUR_MS));
}

/** Predicates of each deadline's state, as SQL over resolved_at windows worked out from the settings. */
function statePredicates(eb: Eb, d: ProcessSettings["deadlines"], now: Date) {
  const resolvedBy = (hours: number) =>
    eb.and([
      eb("incidents.resolvedAt", "is not", null),
      eb("incidents.resolvedAt", "<=", before(now, hours)),
    ]);
  const meetingOpen = eb("m.heldAt", "is", null);
  const publishOpen = eb("postmortems.publishedAt", "is", null);
  const publishHours = d.publishOverdueDays * 24;
  const overdue = eb.or([
    eb.and([meetingOpen, resolvedBy(Math.max(d.meetingOverdueHours, d.meetingDueHours))]),
    eb.and([publishOpen, resolvedBy(publishHours)]),
  ]);
  const dueOrWorse = eb.or([
    eb.and([meetingOpen, resolvedBy(d.meetingDueHours)]),
    eb.and([publishOpen, resolvedBy(publishHours - 24)]),
  ]);
  return { overdue, dueOrWorse };
}

/** An incident the "run one?" decision (an override, else the skip rules) says needs no post-mortem. */
function skipped(eb: Eb, policy: ProcessSettings["policy"]): Expression<SqlBool> {
  const rules = policy.skip.tags.map((rule) => {
    const tagged = eb.exists(
      eb
        .selectFrom("incidentLabels")
        .select("incidentLabels.value")
        .whereRef("incidentLabels.incidentId", "=", "incidents.id")
        .where("incidentLabels.kind", "=", "tag")
        .where(
          (inner) => inner.fn("lower", ["incidentLabels.value"]),
          "in",
          rule.tags.map((tag) => tag.toLowerCase()),
        ),
    );
    return rule.onlyWithoutImpact
      ? eb.and([tagged, eb("incidents.customerImpact", "=", 0), eb("incidents.dataLoss", "=", 0)])
      : tagged;
  });
  // Written so that no part is NULL: the caller negates it, and NOT NULL would drop the row.
  return eb.or([
    eb.and([
      eb("postmortems.requiredDecision", "is not", null),
      eb("postmortems.requiredDecision", "=", "skip"),
    ]),
    eb.and([eb("postmortems.requiredDecision", "is", null), eb.or(rules)]),
  ]);
}

/**
 * Post-mortems by where their deadlines stand at the clock's now, oldest resolution (the most overdue)
 * first; incidents that need no post-mortem are left out. The states are filtered in SQL.
 */
export async function listPostmortemDeadlines(
  db: Executor,
  clock: Clock,
  query: PostmortemDeadlineQuery,
): Promise<Page<PostmortemDeadlineItem>> {
  const settings = await getProcessSettings(db);
  const now = clock.now();
  const sortKey = (eb: Eb) => eb.fn.coalesce("incidents.resolvedAt", eb.val(NOT_RESOLVED));
  let q = db
    .selectFrom("postmortems")
    .innerJoin("incidents", "incidents.id", "postmortems.incidentId")
    .leftJoin("meetings as m", "m.postmortemId", "postmortems.id")
    .select([
      "incidents.number",
      "incidents.title",
      "incidents.severity",
      "incidents.resolvedAt",
      "postmortems.status",
      "postmortems.publishedAt",
      "m.heldAt",
    ])
    .where((eb) => eb.not(skipped(eb, settings.policy)));
  if (query.deadline) {
    const filter = query.deadline;
    q = q.where((eb) => {
      const { overdue, dueOrWorse } = statePredicates(eb, settings.deadlines, now);
      if (filter === "overdue") return overdue;
      if (filter === "due") return eb.and([dueOrWorse, eb.not(overdue)]);
      // Something is still to do, and none of it is due yet.
      const open = eb.or([eb("m.heldAt", "is", null), eb("postmortems.publishedAt", "is", null)]);
      return eb.and([open, eb.not(dueOrWorse)]);
    });
  }
  if (query.cursor) {
    const [resolvedAt, number] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) =>
      eb.or([
        eb(sortKey(eb), ">", resolvedAt),
        eb.and([eb(sortKey(eb), "=", resolvedAt), eb("incidents.number", ">", number)]),
      ]),
    );
  }
  const rows = await q
    .orderBy((eb) => sortKey(eb))
    .orderBy("incidents.number")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      incidentKey: formatIncidentKey(row.number),
      title: row.title,
      severity: row.severity,
      status: row.status,
      resolvedAt: row.resolvedAt,
      deadlines: deadlinesFor(
        { resolvedAt: row.resolvedAt, meetingHeldAt: row.heldAt, publishedAt: row.publishedAt },
        settings.deadlines,
        now,
      ),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.resolvedAt ?? NOT_RESOLVED, last.number]) : null,
  };
}
