import type { z } from "zod";
import { DomainError, type FieldError } from "./errors.ts";

/** Turns zod issues into field errors with dotted paths (`timeline.0.occurredAt`). */
export function fieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return {
        path: [path, issue.keys.join(",")].filter(Boolean).join("."),
        message: "is not a known field",
      };
    }
    return { path: path || "(root)", message: issue.message };
  });
}

/** Parses domain input, throwing a VALIDATION DomainError that names every offending field. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw new DomainError("VALIDATION", errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
}
