import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// Table shapes as the app sees them: CamelCasePlugin maps these names to the snake_case columns.
// Timestamps are ISO 8601 UTC text (`2026-03-18T14:02:00Z`) on both dialects, so they sort as text.
// Flags are integers 0/1 on both dialects.

type Id = Generated<number>;
type Version = ColumnType<number, number | undefined, number>;
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: "viewer" | "editor" | "admin";
  passwordHash: string | null;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface SessionsTable {
  idHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokensTable {
  id: Id;
  userId: number;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface IncidentsTable {
  id: Id;
  number: number;
  title: string;
  severity: "P1" | "P2" | "P3";
  status: "open" | "mitigated" | "resolved";
  startedAt: string;
  detectedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  impact: Defaulted<string>;
  customerImpact: Defaulted<number>;
  dataLoss: Defaulted<number>;
  security: Defaulted<number>;
  source: "manual" | "alertmanager" | "grafana" | "pagerduty" | "slack-import" | "markdown-import";
  createdBy: number | null;
  /** Set by an import of another team's document: its normalised title and start date. */
  importRef: Defaulted<string | null>;
  /** SHA-256 of the imported source, so importing the same bytes again changes nothing. */
  importDigest: Defaulted<string | null>;
  version: Version;
  timelineRevision: Defaulted<number>;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentLabelsTable {
  incidentId: number;
  kind: "service" | "tag";
  value: string;
}

export interface TimelineEntriesTable {
  id: Id;
  incidentId: number;
  occurredAt: string;
  kind: "event" | "action" | "decision" | "observation" | "alert" | "communication";
  text: string;
  author: string | null;
  authorUserId: number | null;
  source: string;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface PostmortemsTable {
  id: Id;
  incidentId: number;
  status: "draft" | "in_review" | "published" | "closed";
  requiredDecision: "always" | "usually" | "skip" | null;
  requiredReason: string | null;
  summary: Defaulted<string>;
  rootCause: Defaulted<string>;
  detection: Defaulted<string>;
  resolution: Defaulted<string>;
  publishedAt: string | null;
  closedAt: string | null;
  /** An admin's reason for publishing without a held meeting ("post-mortem by email", knowingly). */
  publishOverrideReason: Defaulted<string | null>;
  publishOverrideBy: Defaulted<string | null>;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface ContributingFactorsTable {
  id: Id;
  postmortemId: number;
  position: number;
  text: string;
}

export interface LessonsTable {
  id: Id;
  postmortemId: number;
  kind: "went_well" | "to_improve";
  position: number;
  text: string;
}

export interface AppendixLinksTable {
  id: Id;
  postmortemId: number;
  position: number;
  title: string;
  url: string;
}

export interface WhyNodesTable {
  id: Id;
  postmortemId: number;
  parentId: number | null;
  position: number;
  text: string;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingsTable {
  postmortemId: number;
  scheduledAt: string | null;
  durationMinutes: ColumnType<number, number | undefined, number>;
  facilitator: string | null;
  facilitatorUserId: number | null;
  heldAt: string | null;
  /** JSON object: agenda section key → notes text. */
  notes: ColumnType<string, string | undefined, string>;
  modeStartedAt: string | null;
  modeSection: number | null;
  modeSectionStartedAt: string | null;
  /** JSON array of { key, title, minutes }; null means the configured default agenda. */
  agenda: Defaulted<string | null>;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingAttendeesTable {
  id: Id;
  postmortemId: number;
  position: number;
  name: string;
  email: string | null;
  userId: number | null;
}

export interface ChecklistTicksTable {
  postmortemId: number;
  itemKey: string;
  phase: "before" | "during" | "after";
  tickedBy: string;
  tickedByUserId: number | null;
  tickedAt: string;
}

export interface ActionItemsTable {
  id: Id;
  postmortemId: number;
  whyNodeId: number | null;
  title: string;
  owner: string | null;
  ownerKey: string | null;
  ownerUserId: number | null;
  dueDate: string | null;
  type: "prevent" | "detect" | "mitigate" | "process";
  priority: "high" | "medium" | "low";
  status: "open" | "in_progress" | "done" | "wont_do";
  wontDoReason: string | null;
  externalUrl: string | null;
  completedAt: string | null;
  position: number;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface StatedDurationsTable {
  id: Id;
  postmortemId: number;
  position: number;
  metric: "detection" | "recovery" | "repair" | "resolve" | "mitigation" | "acknowledge" | "duration";
  label: string;
  raw: string;
  minutes: number | null;
  note: string | null;
}

export interface ImportWarningsTable {
  id: Id;
  postmortemId: number;
  position: number;
  line: number | null;
  message: string;
  createdAt: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  version: Version;
  updatedAt: string;
  updatedBy: string | null;
}

/** Things that happened and may be announced on channels (post-mortem published…), dispatched once. */
export interface EventsTable {
  id: Id;
  kind: string;
  subject: string;
  /** JSON. */
  payload: Defaulted<string>;
  occurredAt: string;
  dispatchedAt: string | null;
}

/** One row per reminder ever due: the unique key (kind, subject, due date) makes it go out once. */
export interface RemindersTable {
  id: Id;
  key: string;
  kind: string;
  subject: string;
  dueAt: string;
  recipient: string | null;
  createdAt: string;
}

export interface NotificationChannelsTable {
  id: Id;
  name: string;
  kind: "email" | "slack" | "webhook";
  /** E-mail address(es), or the webhook URL. */
  target: string;
  /** HMAC key of a generic webhook; never returned by the API. */
  secret: string | null;
  /** JSON array of event kinds this channel receives. */
  events: Defaulted<string>;
  enabled: Defaulted<number>;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveriesTable {
  id: Id;
  /** Unique: what is being sent to whom ("reminder:<key>:email:<address>"), so it is queued once. */
  dedupeKey: string;
  channelKind: "email" | "slack" | "webhook";
  channelId: number | null;
  target: string;
  subject: string;
  /** JSON: the rendered message. */
  body: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: Defaulted<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The customer-facing text of a customer-impacting incident (SPEC §5); one per incident. */
export interface ExternalVersionsTable {
  id: Id;
  incidentId: number;
  title: Defaulted<string>;
  summary: Defaulted<string>;
  impact: Defaulted<string>;
  /** As customers should read it ("about 40 minutes"). */
  duration: Defaulted<string>;
  /** What we are changing so it does not happen again. */
  changes: Defaulted<string>;
  /** draft → approved → published ⇄ unpublished; any edit of the text returns it to draft. */
  status: "draft" | "approved" | "published" | "unpublished";
  authorUserId: number | null;
  lastEditedByUserId: number | null;
  approvedByUserId: number | null;
  approvedAt: string | null;
  version: Version;
  createdAt: string;
  updatedAt: string;
}

/** A redaction flag someone judged harmless, with why; it stays dismissed while the flagged text is unchanged. */
export interface RedactionDismissalsTable {
  id: Id;
  externalVersionId: number;
  field: string;
  kind: string;
  match: string;
  reason: string;
  dismissedBy: string;
  dismissedAt: string;
}

/** What the public pages show: a snapshot of the approved text, taken when it was published. */
export interface ExternalPublicationsTable {
  id: Id;
  externalVersionId: number;
  slug: string;
  title: string;
  summary: string;
  impact: string;
  duration: string;
  changes: string;
  incidentStartedAt: string;
  incidentResolvedAt: string | null;
  publishedAt: string;
  updatedAt: string;
}

/**
 * One row per incident: the texts search reads, rebuilt by `reindexIncident` whenever one of them changes.
 * `facets` holds a token per filter value and date tokens for the start (`zy2024 zm202403`…); PostgreSQL adds a
 * generated `tsv` column (and `facet_tsv`, the filter tokens alone), SQLite an FTS5 table.
 */
export interface SearchDocumentsTable {
  incidentId: number;
  title: string;
  impact: string;
  rootCause: string;
  factors: string;
  resolution: string;
  lessons: string;
  timeline: string;
  actionItems: string;
  facets: string;
  startedAt: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  counters: CountersTable;
  incidents: IncidentsTable;
  incidentLabels: IncidentLabelsTable;
  timelineEntries: TimelineEntriesTable;
  postmortems: PostmortemsTable;
  contributingFactors: ContributingFactorsTable;
  lessons: LessonsTable;
  appendixLinks: AppendixLinksTable;
  whyNodes: WhyNodesTable;
  meetings: MeetingsTable;
  meetingAttendees: MeetingAttendeesTable;
  checklistTicks: ChecklistTicksTable;
  actionItems: ActionItemsTable;
  statedDurations: StatedDurationsTable;
  importWarnings: ImportWarningsTable;
  settings: SettingsTable;
  events: EventsTable;
  reminders: RemindersTable;
  notificationChannels: NotificationChannelsTable;
  deliveries: DeliveriesTable;
  externalVersions: ExternalVersionsTable;
  redactionDismissals: RedactionDismissalsTable;
  externalPublications: ExternalPublicationsTable;
  searchDocuments: SearchDocumentsTable;
}

export type UserRow = Selectable<UsersTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type TimelineEntryRow = Selectable<TimelineEntriesTable>;
export type PostmortemRow = Selectable<PostmortemsTable>;
export type WhyNodeRow = Selectable<WhyNodesTable>;
export type ActionItemRow = Selectable<ActionItemsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
