import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../shared/errors.ts";

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag of a versioned resource and returns it, for `reply.send(setEtag(reply, x))`. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  reply.header("etag", etagOf(resource.version));
  return resource;
}

/**
 * The version a write was based on, from `If-Match: "3"`.
 * Missing → 428; `*` → undefined (any version); unparsable → a version no resource has, so 412.
 */
export function requireIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers["if-match"];
  if (!header) {
    throw new DomainError(
      "PRECONDITION_REQUIRED",
      'send If-Match with the ETag you read (for example If-Match: "3")',
    );
  }
  if (header.trim() === "*") return undefined;
  // If-Match uses strong comparison (RFC 9110 §13.1.1): a weak validator never matches.
  const match = /^"?(\d{1,9})"?$/.exec(header.trim());
  return match ? Number(match[1]) : -1;
}

/** Like requireIfMatch, but a missing header means "whatever the current version is". */
export function optionalIfMatch(request: FastifyRequest): number | undefined {
  return request.headers["if-match"] ? requireIfMatch(request) : undefined;
}
