import type { ActionItemStatus, ActionItemType, Priority } from "../actions/action-item.ts";
import type { IncidentSource, Severity } from "../incidents/incident.ts";
import type { ChecklistItemKey } from "../postmortems/checklist.ts";
import type { RequiredDecision } from "../postmortems/postmortem.ts";
import type { TimelineKind, TimelineSource } from "../timeline/timeline-entry.ts";

/** Minutes after the incident started. */
export type Minutes = number;

/** A day counted from the incident's start day (0 is that day), and a UTC time on it. */
export interface DayTime {
  day: number;
  at: `${number}:${number}`;
}

export interface DemoEntry {
  at: Minutes;
  kind: TimelineKind;
  text: string;
  author: string;
  source?: TimelineSource;
}

export interface DemoActionItem {
  title: string;
  owner: string;
  /** Days after the incident's start day. */
  dueDay: number;
  type: ActionItemType;
  priority: Priority;
  externalUrl?: string;
  /** Where the item stands today, and since when (default: open since the write-up). */
  status?: Exclude<ActionItemStatus, "open">;
  changedOn?: DayTime;
  wontDoReason?: string;
}

/** An answer to "why?"; a leaf with an action item is turned into one. */
export interface DemoWhy {
  text: string;
  children?: DemoWhy[];
  actionItem?: DemoActionItem;
}

export interface DemoPostmortem {
  summary: string;
  rootCause: string;
  contributingFactors: string[];
  detection: string;
  resolution: string;
  wentWell: string[];
  toImprove: string[];
  appendix?: { title: string; url: string }[];
  required?: { decision: RequiredDecision; reason: string };
}

export interface DemoMeeting {
  on: DayTime;
  minutes: number;
  facilitator: string;
  attendees: { name: string; email?: string }[];
  /** Agenda section key → notes; given only for a meeting that was held. */
  notes?: Record<string, string>;
}

/**
 * How far the story got: `open` and `mitigated` are incidents still running; the rest are resolved
 * incidents whose post-mortem reached that status.
 */
export type DemoStage = "open" | "mitigated" | "draft" | "in_review" | "published" | "closed";

export interface DemoStory {
  title: string;
  severity: Severity;
  source: IncidentSource;
  services: string[];
  tags: string[];
  impact: string;
  customerImpact?: boolean;
  dataLoss?: boolean;
  security?: boolean;
  /** A past day and UTC time, or minutes before now for an incident still running. */
  start: { daysAgo: number; at: DayTime["at"] } | { minutesAgo: number };
  detectedAfter: Minutes;
  mitigatedAfter?: Minutes;
  resolvedAfter?: Minutes;
  stage: DemoStage;
  timeline: DemoEntry[];
  postmortem?: DemoPostmortem;
  whys?: DemoWhy[];
  actionItems?: DemoActionItem[];
  meeting?: DemoMeeting;
  submittedOn?: DayTime;
  publishedOn?: DayTime;
  checklist?: ChecklistItemKey[];
}
