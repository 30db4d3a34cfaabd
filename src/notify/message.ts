import type { NotificationKind } from "./notification.ts";

/** A rendered notification, stored with each delivery; each channel kind formats it its own way. */
export interface Message {
  /** The same for every channel and retry of one event or reminder, so receivers can drop repeats. */
  eventId: string;
  kind: NotificationKind;
  /** What it is about: an incident key (`INC-7`) or an action item id. */
  subject: string;
  title: string;
  text: string;
  link: string | null;
  /** When the event happened, or when the reminder fell due. */
  occurredAt: string;
  data: Record<string, unknown>;
}

/** `2026-03-19T14:00:00Z` → `2026-03-19 14:00 UTC`, for people. */
export function humanTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The incident's page in the web app, when HINDSIGHT_PUBLIC_URL says where that is. */
export function incidentLink(publicUrl: string | undefined, incidentKey: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, "")}/incidents/${incidentKey}` : null;
}

export interface IncidentFacts {
  key: string;
  title: string;
  severity: string;
}

const about = (incident: IncidentFacts) => `${incident.key} “${incident.title}” (${incident.severity})`;
const withLink = (lines: string[], link: string | null) =>
  [...lines, ...(link ? ["", `Open it in Hindsight: ${link}`] : [])].join("\n");

export function meetingDueMessage(
  reminderKey: string,
  incident: IncidentFacts,
  deadline: { dueAt: string; overdueAt: string | null },
  link: string | null,
): Message {
  return {
    eventId: reminderKey,
    kind: "meeting_due",
    subject: incident.key,
    title: `Review meeting due for ${incident.key}: ${incident.title}`,
    text: withLink(
      [
        `The review meeting for ${about(incident)} is due since ${humanTime(deadline.dueAt)}` +
          (deadline.overdueAt ? ` and overdue after ${humanTime(deadline.overdueAt)}.` : "."),
        "Hold it while memories are fresh, then record it (held at, attendees) on the post-mortem.",
      ],
      link,
    ),
    link,
    occurredAt: deadline.dueAt,
    data: { incidentKey: incident.key, title: incident.title, severity: incident.severity, ...deadline },
  };
}

export function publishDueMessage(
  reminderKey: string,
  incident: IncidentFacts,
  dueAt: string,
  link: string | null,
): Message {
  return {
    eventId: reminderKey,
    kind: "publish_due",
    subject: incident.key,
    title: `Post-mortem of ${incident.key} to publish by ${humanTime(dueAt)}: ${incident.title}`,
    text: withLink(
      [
        `The post-mortem of ${about(incident)} should be published by ${humanTime(dueAt)}.`,
        "Submit it for review and publish it, so the lessons reach everyone.",
      ],
      link,
    ),
    link,
    occurredAt: dueAt,
    data: { incidentKey: incident.key, title: incident.title, severity: incident.severity, dueAt },
  };
}

export interface ActionItemFacts {
  id: number;
  title: string;
  owner: string | null;
  dueDate: string;
  incidentKey: string;
}

export function actionItemMessage(
  reminderKey: string,
  kind: "action_item_due_soon" | "action_item_overdue",
  item: ActionItemFacts,
  dueAt: string,
  link: string | null,
): Message {
  const when =
    kind === "action_item_due_soon"
      ? `is due on ${item.dueDate}`
      : `was due on ${item.dueDate} and is still open`;
  return {
    eventId: reminderKey,
    kind,
    subject: String(item.id),
    title:
      kind === "action_item_due_soon"
        ? `Action item due ${item.dueDate}: ${item.title}`
        : `Action item overdue since ${item.dueDate}: ${item.title}`,
    text: withLink(
      [
        `Action item #${item.id} “${item.title}” from ${item.incidentKey} ${when}` +
          (item.owner ? ` (owner: ${item.owner}).` : "."),
        kind === "action_item_due_soon"
          ? "Mark it done when it is, or move the due date if the plan changed."
          : "Finish it, move its due date, or mark it won't do with a reason.",
      ],
      link,
    ),
    link,
    occurredAt: dueAt,
    data: {
      actionItemId: item.id,
      title: item.title,
      owner: item.owner,
      dueDate: item.dueDate,
      incidentKey: item.incidentKey,
    },
  };
}

export interface EventFacts {
  id: number;
  kind: NotificationKind;
  subject: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const EVENT_TITLES: Partial<Record<NotificationKind, string>> = {
  "postmortem.published": "Post-mortem published",
  "postmortem.closed": "Post-mortem closed: every action item is finished",
  "external.published": "External version published",
};

/** An announcement of something that happened (a post-mortem published…) about an incident, if known. */
export function eventMessage(
  event: EventFacts,
  incident: (IncidentFacts & { summary: string }) | undefined,
  link: string | null,
): Message {
  const heading = EVENT_TITLES[event.kind] ?? event.kind;
  const { externalTitle, path } = event.payload;
  // What customers now read, and where, so the team sees exactly what went out.
  const published =
    event.kind === "external.published" && typeof externalTitle === "string"
      ? ["", `Customers now read “${externalTitle}”${typeof path === "string" ? ` at ${path}` : ""}.`]
      : [];
  const lines = incident
    ? [
        `${heading}: ${about(incident)}.`,
        ...published,
        ...(incident.summary.trim() ? ["", "Summary:", incident.summary.trim()] : []),
      ]
    : [`${heading}: ${event.subject}.`, ...published];
  return {
    eventId: `event-${event.id}`,
    kind: event.kind,
    subject: event.subject,
    title: incident
      ? `${heading}: ${incident.key} ${incident.title} (${incident.severity})`
      : `${heading}: ${event.subject}`,
    text: withLink(lines, link),
    link,
    occurredAt: event.occurredAt,
    data: {
      ...event.payload,
      ...(incident
        ? {
            incidentKey: incident.key,
            title: incident.title,
            severity: incident.severity,
            summary: incident.summary,
          }
        : {}),
    },
  };
}
