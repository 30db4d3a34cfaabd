import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDomainError, type ErrorCode, type FieldError } from "../shared/errors.ts";
import { problem, sendProblem } from "./problem.ts";

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
};

interface ZodLikeIssue {
  instancePath: string;
  message: string;
  keyword: string;
  params: { keys?: string[] };
}

// Paths name the field as the client sent it (`startedAt`, `items.0.title`), the same as domain
// validation errors; a problem with the request as a whole uses `body`, `query` or `params`.
function validationErrors(context: string, issues: ZodLikeIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const segments = issue.instancePath.split("/").filter(Boolean);
    if (issue.keyword === "unrecognized_keys" && issue.params.keys) {
      return issue.params.keys.map((key) => ({
        path: [...segments, key].join("."),
        message: "is not a known field",
      }));
    }
    return [{ path: segments.length > 0 ? segments.join(".") : context, message: issue.message }];
  });
}

/** Every error leaves as application/problem+json; 5xx never echo internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      return sendProblem(reply, problem(STATUS_OF[error.code], error.message, error.errors));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context =
        error.validationContext === "querystring" ? "query" : (error.validationContext ?? "body");
      const errors = validationErrors(context, error.validation as unknown as ZodLikeIssue[]);
      return sendProblem(
        reply,
        problem(400, errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors),
      );
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return sendProblem(
        reply,
        problem(
          400,
          "the request body is larger than 1 MB",
          [{ path: "body", message: "must be at most 1 MB" }],
          "Request body too large",
        ),
      );
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return sendProblem(reply, problem(415, "send the body as application/json"));
    }
    if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return sendProblem(
        reply,
        problem(400, "the JSON body is empty", [{ path: "body", message: "is required" }]),
      );
    }
    if (
      error.statusCode === 400 &&
      (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY")
    ) {
      return sendProblem(
        reply,
        problem(400, `the body is not valid JSON: ${error.message}`, [
          { path: "body", message: "is not valid JSON" },
        ]),
      );
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, problem(429, "too many attempts; wait a minute and try again"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem(error.statusCode, error.message));
    }
    request.log.error({ err: error }, "request failed");
    return sendProblem(reply, problem(500, "the server could not complete the request; it has been logged"));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, `no route ${request.method} ${request.url.split("?")[0]}`)),
  );
}
