import type { FastifyReply } from "fastify";
import type { FieldError } from "../shared/errors.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ["validation", "Your request is not valid"],
  401: ["unauthenticated", "Sign in or send a bearer token"],
  403: ["forbidden", "Your role does not allow this"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "Conflict with the current state"],
  412: ["precondition-failed", "The resource changed since you read it"],
  415: ["unsupported-media-type", "Unsupported content type"],
  428: ["precondition-required", "Send If-Match with the version you read"],
  429: ["rate-limited", "Too many requests"],
  500: ["internal", "Something went wrong on our side"],
  503: ["unavailable", "Service unavailable"],
};

export function problem(status: number, detail: string, errors?: FieldError[], title?: string): Problem {
  const [slug, defaultTitle] = TITLES[status] ?? ["error", "Error"];
  return {
    type: `urn:hindsight:problem:${slug}`,
    title: title ?? defaultTitle,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type("application/problem+json; charset=utf-8").send(body);
}
