import { DomainError } from "./errors.ts";
import { MAX_ROW_ID } from "./ids.ts";

/** Opaque keyset cursor: the sort key of the last item on a page, as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, shape: readonly ("string" | "number")[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Numbers in keys are ids or positions: whole, and within PostgreSQL's integer range.
    const fits = (v: unknown, i: number) =>
      shape[i] === "number"
        ? typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_ROW_ID
        : typeof v === "string" && v.length <= 100;
    if (Array.isArray(key) && key.length === shape.length && key.every(fits)) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the validation error below
  }
  throw DomainError.validation("cursor", "is not a cursor this list returned");
}
