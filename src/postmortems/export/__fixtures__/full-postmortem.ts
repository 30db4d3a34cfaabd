import { createActionItem } from "../../../actions/create-action-item.ts";
import { updateActionItem } from "../../../actions/update-action-item.ts";
import { addWhy } from "../../../analysis/add-why.ts";
import { turnWhyIntoActionItem } from "../../../analysis/why-to-action-item.ts";
import { createIncident } from "../../../incidents/create-incident.ts";
import type { Ctx } from "../../../shared/context.ts";
import { addTimelineEntry } from "../../../timeline/add-timeline-entry.ts";
import { tickChecklistItem } from "../../tick-checklist-item.ts";
import { updateMeeting } from "../../update-meeting.ts";
import { updatePostmortem } from "../../update-postmortem.ts";

/** Clock for the fixture: a week after the incident, so the meeting and every entry lie in the past. */
export const FULL_CLOCK = "2026-03-25T12:00:00Z";

/** Fills every field a post-mortem has, through the domain verbs; returns the incident key. */
export async function buildFullPostmortem(ctx: Ctx): Promise<string> {
  const { key } = await createIncident(ctx, {
    title: "Checkout API outage",
    severity: "P1",
    status: "resolved",
    startedAt: "2026-03-18T14:02:00Z",
    detectedAt: "2026-03-18T14:09:00Z",
    mitigatedAt: "2026-03-18T14:41:00Z",
    resolvedAt: "2026-03-18T15:10:00Z",
    impact: "About 30% of checkout requests failed for EU customers",
    customerImpact: true,
    services: ["checkout-api", "payments-db"],
    tags: ["eu", "database"],
  });
  const entries = [
    ["2026-03-18T14:02:00Z", "event", "Error rate on checkout-api rises above 5%", "grafana"],
    ["2026-03-18T14:09:00Z", "alert", "Alert fires; on-call engineer acknowledges", "Sam"],
    ["2026-03-18T14:23:45Z", "observation", "Connection pool on payments-db is at its limit of 50", "Priya"],
    ["2026-03-18T14:41:00Z", "action", "Rolled back release 2026.03.18-2", "Sam"],
    ["2026-03-18T14:55:00Z", "decision", "Keep the rollback until the leak is understood", "Priya"],
    ["2026-03-18T15:10:00Z", "communication", "Status page updated: resolved", "Lee"],
  ] as const;
  for (const [occurredAt, kind, text, author] of entries) {
    await addTimelineEntry(ctx, key, { occurredAt, kind, text, author });
  }
  await updatePostmortem(ctx, key, {
    summary: "Checkout failed for a third of EU customers for 68 minutes.\nA release leaked connections.",
    rootCause:
      "Release 2026.03.18-2 leaked one database connection on every timed-out payment call.\n\n" +
      "Under the evening peak the pool of 50 connections ran dry within minutes.",
    contributingFactors: [
      "The pool-exhaustion alert only sent an email",
      "Timeouts on the payment provider were higher than usual",
    ],
    detection: "An error-rate alert fired 7 minutes after the start; the on-call engineer acknowledged it.",
    resolution: "Rolling back the release returned the pool to normal within a minute.",
    lessons: {
      wentWell: ["The rollback took under two minutes", "Status page updates went out every 15 minutes"],
      toImprove: ["Connection leaks are not caught by tests"],
    },
    appendix: [
      { title: "Dashboard", url: "https://grafana.example.com/d/checkout" },
      { title: "Release notes", url: "https://github.com/acme/checkout/releases/tag/2026.03.18-2" },
    ],
    required: { decision: "always", reason: "P1 with customer impact" },
  });
  await createActionItem(ctx, key, {
    title: "Add connection-leak lint rule to CI",
    owner: "Priya",
    dueDate: "2026-03-25",
    type: "prevent",
    priority: "high",
    externalUrl: "https://github.com/acme/checkout/issues/812",
  });
  const paged = await createActionItem(ctx, key, {
    title: "Raise pool-exhaustion alert to page",
    owner: "Sam",
    dueDate: "2026-03-20",
    type: "detect",
    priority: "high",
  });
  await updateActionItem(ctx, paged.id, { status: "done" });
  const runbook = await createActionItem(ctx, key, {
    title: "Document the rollback runbook",
    owner: "Lee",
    type: "process",
    priority: "medium",
  });
  await updateActionItem(ctx, runbook.id, { status: "in_progress" });
  const rewrite = await createActionItem(ctx, key, {
    title: "Rewrite the connection pool",
    type: "mitigate",
    priority: "low",
  });
  await updateActionItem(ctx, rewrite.id, {
    status: "wont_do",
    wontDoReason: "The library fix removes the leak",
  });
  const root = await addWhy(ctx, key, { parentId: null, text: "Checkout requests failed" });
  const pool = await addWhy(ctx, key, { parentId: root.id, text: "The connection pool was exhausted" });
  await addWhy(ctx, key, { parentId: pool.id, text: "A code path leaked connections on timeout" });
  const silent = await addWhy(ctx, key, { parentId: pool.id, text: "Nothing paged on pool saturation" });
  await turnWhyIntoActionItem(ctx, key, silent.id, {
    title: "Page when the pool is 80% used",
    owner: "Sam",
    dueDate: "2026-04-01",
    type: "detect",
    priority: "medium",
  });
  await updateMeeting(ctx, key, {
    scheduledAt: "2026-03-19T10:00:00Z",
    durationMinutes: 50,
    facilitator: "Alex",
    heldAt: "2026-03-19T10:05:00Z",
    attendees: [{ name: "Priya", email: "priya@example.com" }, { name: "Sam" }],
    notes: { timeline: "Walked through the timeline; no gaps.", "root-cause": "Agreed on the leak." },
  });
  await tickChecklistItem(ctx, key, "timeline-drafted");
  return key;
}
