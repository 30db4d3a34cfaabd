import { Migrator, type MigrationResultSet } from "kysely";
import type { Db } from "./connect.ts";
import { migrations } from "./migrations/index.ts";

function migratorFor(db: Db): Migrator {
  // Migrations are frozen SQL over snake_case names, so they run without the camelCase plugin.
  return new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: async () => migrations },
  });
}

export interface MigrationReport {
  applied: string[];
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${message}`);
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration in order; safe to run from several instances at once. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  return { applied: unwrap(await migratorFor(db).migrateToLatest()) };
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Db): Promise<MigrationReport> {
  return { applied: unwrap(await migratorFor(db).migrateDown()) };
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
