import { createActionItem } from "../actions/create-action-item.ts";
import { updateActionItem } from "../actions/update-action-item.ts";
import { addWhy } from "../analysis/add-why.ts";
import { turnWhyIntoActionItem } from "../analysis/why-to-action-item.ts";
import { createIncident } from "../incidents/create-incident.ts";
import { updateIncident } from "../incidents/update-incident.ts";
import { checklistItem } from "../postmortems/checklist.ts";
import { tickChecklistItem } from "../postmortems/tick-checklist-item.ts";
import { updateMeeting } from "../postmortems/update-meeting.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import { publishPostmortem } from "../process/publish-postmortem.ts";
import { submitForReview } from "../process/submit-for-review.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "../timeline/add-timeline-entry.ts";
import type { DemoActionItem, DemoStory, DemoWhy } from "./demo-story.ts";
import { StoryTimes } from "./story-times.ts";

interface Step {
  at: string;
  run: (ctx: Ctx) => Promise<void>;
}

/** What one story wrote, for the summary. */
export interface PlayedStory {
  key: string;
  timelineEntries: number;
  whys: number;
  actionItems: number;
}

const WRITE_UP_DELAY_MINUTES = 180;
const SCHEDULING_DELAY_MINUTES = 60;

/** A story turned into steps, each to run with the clock at the moment it happened. */
class Script {
  readonly steps: Step[] = [];
  readonly played: PlayedStory = { key: "", timelineEntries: 0, whys: 0, actionItems: 0 };
  readonly itemIds = new Map<DemoActionItem, number>();
  readonly writeUpAt: string;
  readonly scheduledAt: string;

  constructor(
    readonly story: DemoStory,
    readonly t: StoryTimes,
  ) {
    this.writeUpAt = t.plus(t.after(story.resolvedAfter ?? story.detectedAfter), WRITE_UP_DELAY_MINUTES);
    this.scheduledAt = t.plus(this.writeUpAt, SCHEDULING_DELAY_MINUTES);
  }

  get key(): string {
    return this.played.key;
  }

  step(at: string, run: (ctx: Ctx) => Promise<unknown>): void {
    this.steps.push({ at, run: async (ctx) => void (await run(ctx)) });
  }

  itemFields(item: DemoActionItem) {
    return {
      title: item.title,
      owner: item.owner,
      dueDate: this.t.date(item.dueDay),
      type: item.type,
      priority: item.priority,
      ...(item.externalUrl ? { externalUrl: item.externalUrl } : {}),
    };
  }
}

/** Declaring the incident, its timeline as it was written, and its status changes. */
function incidentSteps(s: Script): void {
  const { story, t } = s;
  const declaredAt = t.after(story.detectedAfter);
  s.step(declaredAt, async (c) => {
    const incident = await createIncident(c, {
      title: story.title,
      severity: story.severity,
      source: story.source,
      startedAt: t.after(0),
      detectedAt: declaredAt,
      impact: story.impact,
      customerImpact: story.customerImpact ?? false,
      dataLoss: story.dataLoss ?? false,
      security: story.security ?? false,
      services: story.services,
      tags: story.tags,
    });
    s.played.key = incident.key;
  });
  for (const entry of story.timeline) {
    const occurredAt = t.after(entry.at);
    // What happened before anyone knew is back-dated when the incident is declared.
    s.step(occurredAt > declaredAt ? occurredAt : declaredAt, async (c) => {
      await addTimelineEntry(c, s.key, {
        occurredAt,
        kind: entry.kind,
        text: entry.text,
        author: entry.author,
        source: entry.source ?? "api",
      });
      s.played.timelineEntries += 1;
    });
  }
  if (story.mitigatedAfter !== undefined) {
    const mitigatedAt = t.after(story.mitigatedAfter);
    s.step(mitigatedAt, (c) => updateIncident(c, s.key, { status: "mitigated", mitigatedAt }));
  }
  if (story.resolvedAfter !== undefined) {
    const resolvedAt = t.after(story.resolvedAfter);
    s.step(resolvedAt, (c) => updateIncident(c, s.key, { status: "resolved", resolvedAt }));
  }
}

/** The post-mortem's sections, five whys and action items, then each item's later progress. */
function writeUpSteps(s: Script): void {
  const { story, t } = s;
  const pm = story.postmortem;
  if (pm) {
    s.step(s.writeUpAt, (c) =>
      updatePostmortem(c, s.key, {
        summary: pm.summary,
        rootCause: pm.rootCause,
        contributingFactors: pm.contributingFactors,
        detection: pm.detection,
        resolution: pm.resolution,
        lessons: { wentWell: pm.wentWell, toImprove: pm.toImprove },
        ...(pm.appendix ? { appendix: pm.appendix } : {}),
        ...(pm.required ? { required: pm.required } : {}),
      }),
    );
  }
  const addWhys = async (c: Ctx, whys: DemoWhy[], parentId: number | null): Promise<void> => {
    for (const why of whys) {
      const node = await addWhy(c, s.key, { parentId, text: why.text });
      s.played.whys += 1;
      if (why.children) await addWhys(c, why.children, node.id);
      if (why.actionItem) {
        const made = await turnWhyIntoActionItem(c, s.key, node.id, s.itemFields(why.actionItem));
        s.itemIds.set(why.actionItem, made.id);
        s.played.actionItems += 1;
      }
    }
  };
  const { whys = [], actionItems = [] } = story;
  s.step(s.writeUpAt, async (c) => {
    await addWhys(c, whys, null);
    for (const item of actionItems) {
      s.itemIds.set(item, (await createActionItem(c, s.key, s.itemFields(item))).id);
      s.played.actionItems += 1;
    }
  });
  for (const item of [...collectWhyItems(whys), ...actionItems]) {
    const status = item.status;
    if (!status) continue;
    s.step(t.on(item.changedOn ?? { day: 0, at: "23:59" }), (c) =>
      updateActionItem(c, s.itemIds.get(item)!, {
        status,
        ...(item.wontDoReason ? { wontDoReason: item.wontDoReason } : {}),
      }),
    );
  }
}

/** Scheduling and holding the review meeting, submitting, publishing, and ticking the checklist. */
function reviewSteps(s: Script): void {
  const { story, t } = s;
  const meeting = story.meeting;
  const heldAt = meeting ? t.on(meeting.on) : undefined;
  if (meeting && heldAt) {
    s.step(s.scheduledAt, (c) =>
      updateMeeting(c, s.key, {
        scheduledAt: heldAt,
        durationMinutes: meeting.minutes,
        facilitator: meeting.facilitator,
        attendees: meeting.attendees,
      }),
    );
    const notes = meeting.notes;
    if (notes) s.step(t.plus(heldAt, meeting.minutes), (c) => updateMeeting(c, s.key, { heldAt, notes }));
  }
  if (story.submittedOn) s.step(t.on(story.submittedOn), (c) => submitForReview(c, s.key));
  const publishedAt = story.publishedOn ? t.on(story.publishedOn) : undefined;
  if (publishedAt) s.step(publishedAt, (c) => publishPostmortem(c, s.key, {}));

  const phaseTime = {
    before: s.scheduledAt,
    during: heldAt ?? s.scheduledAt,
    after: publishedAt ?? s.scheduledAt,
  };
  for (const item of story.checklist ?? []) {
    s.step(phaseTime[checklistItem(item).phase], (c) => tickChecklistItem(c, s.key, item));
  }
}

function collectWhyItems(whys: DemoWhy[]): DemoActionItem[] {
  return whys.flatMap((why) => [
    ...(why.actionItem ? [why.actionItem] : []),
    ...collectWhyItems(why.children ?? []),
  ]);
}

/**
 * Replays a story through the domain verbs in the order it happened, each step with the clock at the
 * moment it took place (never later than now), so stamps, deadlines and overdue items read true.
 */
export async function playStory(ctx: Ctx, story: DemoStory, now: Date): Promise<PlayedStory> {
  const t = new StoryTimes(story, now);
  const script = new Script(story, t);
  incidentSteps(script);
  writeUpSteps(script);
  reviewSteps(script);
  // A stable sort: steps at the same minute keep the order they were listed in.
  const steps = script.steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const { at, run } of steps) await run({ ...ctx, clock: t.clockAt(at) });
  return script.played;
}
