export const ErrorCodes = [
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "VALIDATION",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PRECONDITION_REQUIRED",
  "RATE_LIMITED",
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.startedAt` or `detectedAt`. */
  path: string;
  message: string;
}

/** The one error type domain code throws; each edge (HTTP, CLI) translates it once. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];

  constructor(code: ErrorCode, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.errors = errors;
  }

  static validation(path: string, message: string): DomainError {
    return new DomainError("VALIDATION", `${path}: ${message}`, [{ path, message }]);
  }

  static notFound(what: string): DomainError {
    return new DomainError("NOT_FOUND", `${what} was not found`);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
