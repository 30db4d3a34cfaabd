import type { FieldError } from "../shared/errors.ts";
import { isInFuture } from "../shared/time.ts";
import { DomainError } from "../shared/errors.ts";
import type { IncidentStatus } from "./incident.ts";

export interface IncidentTimes {
  status: IncidentStatus;
  startedAt: string;
  detectedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

const STAGE: Record<IncidentStatus, number> = { open: 0, mitigated: 1, resolved: 2 };

/** Rejects times that contradict each other, lie in the future, or run ahead of the status. */
export function assertConsistentTimes(times: IncidentTimes, now: Date): void {
  const errors: FieldError[] = [];
  for (const field of ["startedAt", "detectedAt", "mitigatedAt", "resolvedAt"] as const) {
    const value = times[field];
    if (value && isInFuture(value, now)) errors.push({ path: field, message: "must not be in the future" });
  }
  for (const field of ["detectedAt", "mitigatedAt", "resolvedAt"] as const) {
    const value = times[field];
    if (value && value < times.startedAt) {
      errors.push({ path: field, message: `must not be before startedAt (${times.startedAt})` });
    }
  }
  if (times.mitigatedAt && times.resolvedAt && times.resolvedAt < times.mitigatedAt) {
    errors.push({ path: "resolvedAt", message: `must not be before mitigatedAt (${times.mitigatedAt})` });
  }
  if (times.mitigatedAt && STAGE[times.status] < STAGE.mitigated) {
    errors.push({
      path: "mitigatedAt",
      message: "can only be set once the incident is mitigated or resolved",
    });
  }
  if (times.resolvedAt && STAGE[times.status] < STAGE.resolved) {
    errors.push({ path: "resolvedAt", message: "can only be set once the incident is resolved" });
  }
  if (errors.length > 0) {
    throw new DomainError("VALIDATION", errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
  }
}

/** Moving status forward stamps the time it happened, unless the caller gave one. */
export function stampStatusTimes<T extends IncidentTimes>(times: T, nowIso: string): T {
  const next = { ...times };
  if (STAGE[next.status] >= STAGE.resolved && !next.resolvedAt) next.resolvedAt = nowIso;
  if (STAGE[next.status] >= STAGE.mitigated && !next.mitigatedAt) {
    next.mitigatedAt = next.status === "resolved" ? next.resolvedAt : nowIso;
  }
  return next;
}

/** Clearing the time of a stage the incident has reached would lose it (stamping would invent a new one). */
export function assertNotClearingReachedTimes(
  status: IncidentStatus,
  input: { mitigatedAt?: string | null; resolvedAt?: string | null },
): void {
  if (input.resolvedAt === null && STAGE[status] >= STAGE.resolved) {
    throw DomainError.validation("resolvedAt", "is required while the incident is resolved");
  }
  if (input.mitigatedAt === null && STAGE[status] >= STAGE.mitigated) {
    throw DomainError.validation("mitigatedAt", "is required while the incident is mitigated or resolved");
  }
}

export function assertForwardMove(from: IncidentStatus, to: IncidentStatus): void {
  if (STAGE[to] < STAGE[from]) {
    throw new DomainError(
      "CONFLICT",
      `status moves forward only (open → mitigated → resolved); it is ${from}`,
      [{ path: "status", message: `cannot go back from ${from} to ${to}` }],
    );
  }
}
