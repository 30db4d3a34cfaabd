// The API's types, shared with the server's schema files. Only types are imported: the closed sets
// are repeated here as plain arrays so zod stays out of the bundle, and `Exhaustive` fails the type
// check if the server's set gains or loses a value.
import type {
  Incident,
  IncidentStatus,
  Severity,
  UpdateIncidentInput,
} from "../../../src/incidents/incident.ts";
import type { Page } from "../../../src/shared/page.ts";
import type { TimelineEntry, TimelineKind } from "../../../src/timeline/timeline-entry.ts";
import type { Role, User } from "../../../src/users/user.ts";

export type {
  Incident,
  IncidentStatus,
  Page,
  Role,
  Severity,
  TimelineEntry,
  TimelineKind,
  UpdateIncidentInput,
  User,
};

type Exhaustive<All, Listed extends readonly All[]> = [Exclude<All, Listed[number]>] extends [never]
  ? Listed
  : never;

function closedSet<All>() {
  return <const Listed extends readonly All[]>(values: Exhaustive<All, Listed>): Listed => values;
}

export const SEVERITIES = closedSet<Severity>()(["P1", "P2", "P3"]);
export const INCIDENT_STATUSES = closedSet<IncidentStatus>()(["open", "mitigated", "resolved"]);
export const TIMELINE_KINDS = closedSet<TimelineKind>()([
  "event",
  "action",
  "decision",
  "observation",
  "alert",
  "communication",
]);
export const ROLES = closedSet<Role>()(["viewer", "editor", "admin"]);

/** True when `role` may do what `required` allows (viewer < editor < admin), as the server decides. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

// Post-mortems (features/postmortems). The lint result's shape is repeated here because its schema file
// (src/lint/lint-postmortem.ts) pulls in the linter; keep it in step with `PostmortemLint` there.
import type { ChecklistItemKey, ChecklistPhase } from "../../../src/postmortems/checklist.ts";
import type {
  AppendixLink,
  ChecklistEntry,
  Postmortem,
  PostmortemStatus,
  RequiredDecision,
  UpdatePostmortemInput,
} from "../../../src/postmortems/postmortem.ts";

export type Deadline = Postmortem["deadlines"]["meeting"];
export type DeadlineState = Deadline["state"];
export type {
  AppendixLink,
  ChecklistEntry,
  ChecklistItemKey,
  ChecklistPhase,
  Postmortem,
  PostmortemStatus,
  RequiredDecision,
  UpdatePostmortemInput,
};

export const CHECKLIST_PHASES = closedSet<ChecklistPhase>()(["before", "during", "after"]);

export interface PostmortemFinding {
  ruleId: string;
  severity: "error" | "warning" | "info";
  message: string;
  /** 1-based line in the exported Markdown. */
  line: number;
  column: number;
  /** The `##` heading of the export ("Root Cause"), null before the first one. */
  section: string | null;
  /** Line within the section: 0 is its heading, 1 the first line after it. */
  offset: number;
  suggestion: string | null;
}

export interface PostmortemLint {
  key: string;
  /** The stored version that was linted (the editor's unsaved text is not). */
  postmortemVersion: number;
  findings: PostmortemFinding[];
  summary: { byRule: Record<string, number>; errors: number; warnings: number; infos: number; score: number };
}
