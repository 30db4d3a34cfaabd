import { z } from "zod";
import { listIncidentActionItems } from "../../actions/action-item.repository.ts";
import { ActionItem } from "../../actions/action-item.ts";
import { getWhyForest } from "../../analysis/five-whys.repository.ts";
import { WhyNode } from "../../analysis/why-node.ts";
import type { Executor } from "../../db/connect.ts";
import { getIncidentOrThrow, getPostmortemRefOrThrow } from "../../incidents/incident.repository.ts";
import { Incident } from "../../incidents/incident.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Page } from "../../shared/page.ts";
import { TimelineEntry } from "../../timeline/timeline-entry.ts";
import { listTimeline } from "../../timeline/timeline.repository.ts";
import { getPostmortemOrThrow } from "../postmortem.repository.ts";
import { Meeting, Postmortem } from "../postmortem.ts";

export const RECORD_FORMAT = "hindsight.postmortem.v1";

/** Everything Hindsight holds about one incident's review: the JSON export, and what the Markdown is made from. */
export const PostmortemRecord = z.object({
  format: z.literal(RECORD_FORMAT),
  incident: Incident,
  timeline: z.array(TimelineEntry).meta({ description: "In order of time, then insertion" }),
  postmortem: Postmortem.omit({ meeting: true }),
  fiveWhys: z.array(WhyNode).meta({ description: "Roots in order, answers nested" }),
  actionItems: z.array(ActionItem).meta({ description: "In the order they were added" }),
  meeting: Meeting.nullable(),
});
export type PostmortemRecord = z.infer<typeof PostmortemRecord>;

const PAGE_SIZE = 500;

async function everyPage<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Reads the whole record of an incident's post-mortem; run it in one transaction for a consistent snapshot. */
export async function loadPostmortemRecord(
  db: Executor,
  clock: Clock,
  key: string,
): Promise<PostmortemRecord> {
  const incident = await getIncidentOrThrow(db, key);
  const { postmortemId } = await getPostmortemRefOrThrow(db, incident.key);
  const { meeting, ...postmortem } = await getPostmortemOrThrow(db, incident.key, clock.now());
  const timeline = await everyPage((cursor) =>
    listTimeline(db, incident.key, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
  const actionItems = await everyPage((cursor) =>
    listIncidentActionItems(db, clock, postmortemId, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
  const fiveWhys = await getWhyForest(db, postmortemId);
  return { format: RECORD_FORMAT, incident, timeline, postmortem, fiveWhys, actionItems, meeting };
}
