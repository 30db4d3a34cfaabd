import type { IncidentStatus, Severity } from "../../api/types.ts";

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: "Open",
  mitigated: "Mitigated",
  resolved: "Resolved",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  P1: "P1 (critical)",
  P2: "P2 (major)",
  P3: "P3 (minor)",
};

/** The incident's flags, in the order they are shown and edited. */
export const FLAG_LABELS = {
  customerImpact: "Customer impact",
  dataLoss: "Data loss",
  security: "Security",
} as const;
export type Flag = keyof typeof FLAG_LABELS;
export const FLAGS = Object.keys(FLAG_LABELS) as Flag[];
