import type { Executor } from "../db/connect.ts";
import type { Severity } from "../incidents/incident.ts";
import type { RequiredDecision } from "../postmortems/postmortem.ts";
import type { TimelineKind } from "../timeline/timeline-entry.ts";
import type { ProcessSettings } from "./settings.ts";

/** What the "run one?" rules look at. */
export interface PolicySubject {
  severity: Severity;
  customerImpact: boolean;
  dataLoss: boolean;
  security: boolean;
  tags: readonly string[];
  /** The kinds of entry the incident's timeline holds. */
  timelineKinds: readonly TimelineKind[];
}

export interface PolicyDecision {
  decision: RequiredDecision;
  reasons: string[];
}

const FLAG_REASONS = {
  customerImpact: "customer impact",
  dataLoss: "data loss",
  security: "security incident",
} as const;

const UNDECIDED = "no rule decided; when in doubt, run one";

/**
 * Decides whether an incident needs a post-mortem: `skip` only when a skip rule matches (a false alarm
 * without impact, a duplicate), else `always` when an always rule does, else `usually` — also when no rule
 * decides, because an unneeded review costs less than a missed one.
 */
export function evaluatePolicy(subject: PolicySubject, policy: ProcessSettings["policy"]): PolicyDecision {
  const tags = new Set(subject.tags.map((tag) => tag.toLowerCase()));
  const tagged = (rule: { tags: string[] }) => rule.tags.some((tag) => tags.has(tag.toLowerCase()));
  const hasImpact = subject.customerImpact || subject.dataLoss;

  const skip = policy.skip.tags.filter((rule) => tagged(rule) && !(rule.onlyWithoutImpact && hasImpact));
  if (skip.length > 0) return { decision: "skip", reasons: skip.map((rule) => rule.reason) };

  const always: string[] = [];
  if (policy.always.severities.includes(subject.severity)) always.push(`severity ${subject.severity}`);
  for (const flag of policy.always.flags) if (subject[flag]) always.push(FLAG_REASONS[flag]);
  for (const rule of policy.always.tags) if (tagged(rule)) always.push(rule.reason);
  const byHand = policy.always.timelineKinds.filter((kind) => subject.timelineKinds.includes(kind));
  if (byHand.length > 0) always.push(`manual intervention (${byHand.join(", ")} in the timeline)`);
  if (always.length > 0) return { decision: "always", reasons: [...new Set(always)] };

  const usually: string[] = [];
  if (policy.usually.severities.includes(subject.severity)) usually.push(`severity ${subject.severity}`);
  for (const rule of policy.usually.tags) if (tagged(rule)) usually.push(rule.reason);
  return { decision: "usually", reasons: usually.length > 0 ? [...new Set(usually)] : [UNDECIDED] };
}

export interface RequiredView extends PolicyDecision {
  /** The override's reason, kept for readers of the older `{ decision, reason }` shape. */
  reason: string | null;
  computed: PolicyDecision;
  override: { decision: RequiredDecision; reason: string | null } | null;
}

/** The decision people see: an editor's recorded override wins over the rules, and says so. */
export function requiredView(
  computed: PolicyDecision,
  override: { decision: RequiredDecision | null; reason: string | null },
): RequiredView {
  if (override.decision === null) return { ...computed, reason: null, computed, override: null };
  const reasons = [override.reason ? `decided by hand: ${override.reason}` : "decided by hand"];
  return {
    decision: override.decision,
    reasons,
    reason: override.reason,
    computed,
    override: { decision: override.decision, reason: override.reason },
  };
}

/** The policy's inputs for one incident, read at once. */
export async function loadPolicySubject(db: Executor, incidentId: number): Promise<PolicySubject> {
  const [incident, tags, kinds] = await Promise.all([
    db
      .selectFrom("incidents")
      .select(["severity", "customerImpact", "dataLoss", "security"])
      .where("id", "=", incidentId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("incidentLabels")
      .select("value")
      .where("incidentId", "=", incidentId)
      .where("kind", "=", "tag")
      .execute(),
    db.selectFrom("timelineEntries").select("kind").distinct().where("incidentId", "=", incidentId).execute(),
  ]);
  return {
    severity: incident.severity,
    customerImpact: incident.customerImpact === 1,
    dataLoss: incident.dataLoss === 1,
    security: incident.security === 1,
    tags: tags.map((t) => t.value),
    timelineKinds: kinds.map((k) => k.kind),
  };
}
