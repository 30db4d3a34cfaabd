import type { Db } from "../src/db/connect.ts";
import { createIncident } from "../src/incidents/create-incident.ts";
import type { CreateIncidentInput, Incident } from "../src/incidents/incident.ts";
import { fixedClock, type Clock } from "../src/shared/clock.ts";
import type { Actor, Ctx } from "../src/shared/context.ts";
import { createApiToken } from "../src/users/api-tokens.ts";
import { createUser } from "../src/users/manage-users.ts";
import type { Role } from "../src/users/user.ts";

export const cliActor: Actor = { kind: "cli", name: "test-operator" };

export function buildCtx(db: Db, overrides: Partial<Ctx> = {}): Ctx {
  return { db, actor: cliActor, clock: fixedClock("2026-03-18T16:00:00Z"), ...overrides };
}

let sequence = 0;

export function buildIncidentInput(overrides: Partial<CreateIncidentInput> = {}): CreateIncidentInput {
  sequence += 1;
  return {
    title: `Checkout API errors ${sequence}`,
    severity: "P2",
    startedAt: "2026-03-18T14:02:00Z",
    impact: "About 30% of checkout requests failed for EU customers",
    services: ["checkout-api"],
    ...overrides,
  };
}

export async function buildIncident(
  ctx: Ctx,
  overrides: Partial<CreateIncidentInput> = {},
): Promise<Incident> {
  return createIncident(ctx, buildIncidentInput(overrides));
}

export interface TestUser {
  id: number;
  email: string;
  role: Role;
  password: string;
  token: string;
  actor: Actor;
}

/** A user of the given role with a known password and a bearer token. */
export async function buildUser(
  db: Db,
  role: Role,
  clock: Clock = fixedClock("2026-03-18T16:00:00Z"),
): Promise<TestUser> {
  sequence += 1;
  const email = `${role}-${sequence}@example.com`;
  const password = `correct horse battery ${sequence}`;
  const { user } = await createUser(buildCtx(db, { clock }), {
    email,
    name: `${role} ${sequence}`,
    role,
    password,
  });
  const { secret } = await createApiToken(db, clock, user.id, { name: "test" });
  return {
    id: user.id,
    email,
    role,
    password,
    token: secret,
    actor: { kind: "user", userId: user.id, name: user.name, email, role },
  };
}
