import type { RedactionKind } from "./redaction.ts";

/** A span one detector found; `findRedactions` resolves overlaps between detectors and adds the message. */
export interface Candidate {
  kind: RedactionKind;
  start: number;
  end: number;
  /** A person named in Hindsight's user list, as opposed to a name the language model guessed. */
  known?: boolean;
}

/**
 * A span that is safe to show and hides what lies inside it from the other detectors: a public URL
 * (its path may hold `@user` or `ABC-12` that mean nothing internal) or a public support address.
 */
export interface Shield {
  start: number;
  end: number;
}
