import { DomainError } from "./errors.ts";

/**
 * Optimistic concurrency: a write names the version it read. Callers update with
 * `WHERE version = current` as well, so a writer that slips in between still loses cleanly.
 */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `${what} has changed since you read it (you have version ${expected}, it is now ${current}); reload and apply your change again`,
    );
  }
}

export function staleWrite(what: string): DomainError {
  return new DomainError(
    "PRECONDITION_FAILED",
    `${what} was changed by someone else at the same time; reload and try again`,
  );
}
