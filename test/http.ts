import { buildApp, type App } from "../src/server/app.ts";
import { fixedClock } from "../src/shared/clock.ts";
import type { Role } from "../src/users/user.ts";
import { buildUser, type TestUser } from "./factories.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

export interface TestApp {
  app: App;
  testDb: TestDb;
  clock: ReturnType<typeof fixedClock>;
  users: Record<Role, TestUser>;
  /** Headers that authenticate as a user of this role with a bearer token. */
  as(role: Role, extra?: Record<string, string>): Record<string, string>;
  /** Opens an incident through the API as an editor and returns its key. */
  openIncident(overrides?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The real app over a fresh migrated database, with one user (and token) per role. */
export async function createTestApp(
  options: { signInLimitPerMinute?: number; publicUrl?: string } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const clock = fixedClock("2026-03-18T16:00:00Z");
  const app = await buildApp({ db: testDb.db, clock, ...options });
  const users = {
    viewer: await buildUser(testDb.db, "viewer", clock),
    editor: await buildUser(testDb.db, "editor", clock),
    admin: await buildUser(testDb.db, "admin", clock),
  };
  return {
    app,
    testDb,
    clock,
    users,
    as: (role, extra = {}) => ({ authorization: `Bearer ${users[role].token}`, ...extra }),
    openIncident: async (overrides = {}) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/incidents",
        headers: { authorization: `Bearer ${users.editor.token}` },
        payload: {
          title: "Checkout API errors",
          severity: "P2",
          startedAt: "2026-03-18T14:00:00Z",
          ...overrides,
        },
      });
      if (response.statusCode !== 201) throw new Error(`could not open an incident: ${response.body}`);
      return response.json<{ key: string }>().key;
    },
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
  };
}
