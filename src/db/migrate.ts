import { Migrator, PostgresAdapter, sql, type MigrationResultSet } from "kysely";
import type { Db } from "./connect.ts";
import { migrations } from "./migrations/index.ts";

async function migratorFor(db: Db): Promise<Migrator> {
  // Migrations are frozen SQL over snake_case names, so they run without the camelCase plugin.
  const plain = db.withoutPlugins();
  // Kysely looks for its bookkeeping tables in every schema unless told which one, so a second
  // schema in the same database (parallel test files, several installs) would see the first one's.
  const schema =
    plain.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(plain)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db: plain,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
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
  return { applied: unwrap(await (await migratorFor(db)).migrateToLatest()) };
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Db): Promise<MigrationReport> {
  return { applied: unwrap(await (await migratorFor(db)).migrateDown()) };
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/** The migrations applied to this database, in the order they ran. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.filter((m) => m.executedAt).map((m) => m.name);
}

/** The names of every migration this version of Hindsight knows, in order. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** Migrates up or down until `name` is the last migration applied. */
export async function migrateTo(db: Db, name: string): Promise<MigrationReport> {
  return { applied: unwrap(await (await migratorFor(db)).migrateTo(name)) };
}
