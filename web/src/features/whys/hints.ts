// Depth labels and the facilitator's nudges: hints, never blocks.
import type { WhyNode } from "./whys.api.ts";

export const ADVISED_DEPTH = 5;

/** "Problem" for an analysis's root, "Why 1" for its first answer, "Why 2" below, … */
export function depthLabel(depth: number): string {
  return depth === 0 ? "Problem" : `Why ${depth}`;
}

/** Nudges for one why at `depth` (0 = the problem statement), in the order to show them. */
export function nudgesFor(node: WhyNode, depth: number): string[] {
  const nudges: string[] = [];
  if (depth === ADVISED_DEPTH + 1) {
    nudges.push("Past five whys: check that each answer still explains the one above it.");
  }
  if (node.children.length > 0 || node.actionItemId !== null) return nudges;
  if (depth === 0) {
    nudges.push("Ask the first why: why did this happen?");
  } else if (depth < 3) {
    nudges.push(
      `The chain stops at ${depthLabel(depth)}: ask why again until you reach a cause a team can fix.`,
    );
  } else {
    nudges.push("Is this a cause a team can fix? Turn it into an action item; if not, ask why again.");
  }
  return nudges;
}
