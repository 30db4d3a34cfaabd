import { z } from "zod";

/** Row ids are PostgreSQL `integer`: anything larger names no row and must never reach the driver. */
export const MAX_ROW_ID = 2_147_483_647;

export function isRowId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;
}

/** A row id in a URL (`/action-items/7`), coerced from text. */
export const RowIdParam = z.coerce
  .number({ error: "must be an id (a positive whole number)" })
  .int("must be an id (a positive whole number)")
  .min(1, "must be an id (a positive whole number)")
  .max(MAX_ROW_ID, "is not an id that exists")
  .meta({ example: 7 });

/** A row id in a JSON body. */
export const RowId = z.number().int().min(1).max(MAX_ROW_ID, "is not an id that exists");
