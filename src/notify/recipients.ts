import type { Executor } from "../db/connect.ts";

/** Who can be reached by e-mail: every user, looked up by id, e-mail or name in any case. */
export interface Directory {
  emailOfUser(id: number | null): string | null;
  /** The e-mail of the one user whose e-mail or name is `who` (case-insensitive); null when none or several. */
  emailOf(who: string | null): string | null;
}

const fold = (text: string) => text.trim().toLocaleLowerCase("und");

export async function loadDirectory(db: Executor): Promise<Directory> {
  const users = await db.selectFrom("users").select(["id", "email", "name"]).execute();
  const byId = new Map(users.map((u) => [u.id, u.email]));
  const byEmail = new Map(users.map((u) => [fold(u.email), u.email]));
  const byName = new Map<string, string[]>();
  for (const u of users) byName.set(fold(u.name), [...(byName.get(fold(u.name)) ?? []), u.email]);
  return {
    emailOfUser: (id) => (id === null ? null : (byId.get(id) ?? null)),
    emailOf: (who) => {
      if (who === null || !who.trim()) return null;
      const named = byName.get(fold(who)) ?? [];
      // Two people with the same name: better nobody than the wrong one.
      return byEmail.get(fold(who)) ?? (named.length === 1 ? named[0]! : null);
    },
  };
}

/** Addresses without repeats (compared in any case), in the order first given. */
export function distinctAddresses(addresses: (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const address of addresses) {
    if (address && !seen.has(fold(address))) seen.set(fold(address), address.trim());
  }
  return [...seen.values()];
}
