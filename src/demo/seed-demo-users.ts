import type { Actor, Ctx } from "../shared/context.ts";
import { createUser } from "../users/manage-users.ts";
import { findUserByEmail } from "../users/user.repository.ts";
import type { Role } from "../users/user.ts";
import { AUTHOR_EMAIL, DEMO_USERS } from "./cast.ts";

export interface SeededUser {
  email: string;
  name: string;
  role: Role;
  /** Generated for a new user and shown once; null when the user already existed (left unchanged). */
  password: string | null;
}

/** Creates the demo users that do not exist yet and returns them with the actor who writes the stories. */
export async function seedDemoUsers(ctx: Ctx): Promise<{ users: SeededUser[]; author: Actor }> {
  const users: SeededUser[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await findUserByEmail(ctx.db, demo.email);
    if (existing) {
      users.push({ email: existing.email, name: existing.name, role: existing.role, password: null });
      continue;
    }
    const created = await createUser(ctx, demo);
    users.push({ ...demo, password: created.generatedPassword });
  }
  const author = (await findUserByEmail(ctx.db, AUTHOR_EMAIL))!;
  return {
    users,
    author: { kind: "user", userId: author.id, name: author.name, email: author.email, role: author.role },
  };
}
