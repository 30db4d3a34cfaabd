import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type Db } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";

export interface TestDb {
  db: Db;
  dialect: "sqlite" | "postgres";
  /** Opens another connection to the same database (a second app instance). */
  connectAgain(): Db;
  destroy(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set (CI runs the suite twice), in-memory SQLite otherwise. */
export const testDialect: "sqlite" | "postgres" = process.env.DATABASE_URL ? "postgres" : "sqlite";

/**
 * A fresh, empty database for one test file: in-memory SQLite, or on PostgreSQL a schema of its own,
 * so test files run in parallel without seeing each other's rows.
 */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = connect({ dialect: "sqlite", file: ":memory:" });
    if (migrate) await migrateToLatest(db);
    return {
      db,
      dialect: "sqlite",
      connectAgain: () => {
        throw new Error("an in-memory SQLite database has one connection only");
      },
      destroy: () => db.destroy(),
    };
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const open = () => connect({ dialect: "postgres", url, searchPath: schema, poolSize: 5 });
  const db = open();
  if (migrate) await migrateToLatest(db);
  const extra: Db[] = [];
  return {
    db,
    dialect: "postgres",
    connectAgain: () => {
      const another = open();
      extra.push(another);
      return another;
    },
    destroy: async () => {
      await Promise.all([db, ...extra].map((d) => d.destroy()));
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
