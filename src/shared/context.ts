import type { Db } from "../db/connect.ts";
import type { Role } from "../users/user.ts";
import type { Clock } from "./clock.ts";

/** Who is doing something: a signed-in user (session or token), the CLI operator, or a scheduled job. */
export type Actor =
  | { kind: "user"; userId: number; name: string; email: string; role: Role }
  | { kind: "cli"; name: string }
  | { kind: "job"; name: string };

export interface Ctx {
  db: Db;
  actor: Actor;
  clock: Clock;
}

export function actorName(actor: Actor): string {
  return actor.name;
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}
