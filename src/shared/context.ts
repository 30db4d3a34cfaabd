import type { Db, Trx } from "../db/connect.ts";
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

/**
 * The same context, running inside an already open transaction: verbs called with it use that
 * transaction instead of opening their own (an import, a dry run that is rolled back).
 */
export function inTransaction(ctx: Ctx, trx: Trx): Ctx {
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === "transaction") return () => ({ execute: (fn: (t: Trx) => unknown) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...ctx, db: db as unknown as Db };
}
