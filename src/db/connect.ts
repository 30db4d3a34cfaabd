import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./database.ts";

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Trx;

export type DbConfig =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string; searchPath?: string; poolSize?: number };

export const DEFAULT_SQLITE_FILE = "./data/hindsight.db";

/** Reads `DATABASE_URL` (PostgreSQL) or `HINDSIGHT_DB` (SQLite file, default `./data/hindsight.db`). */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    return { dialect: "postgres", url };
  }
  return { dialect: "sqlite", file: env.HINDSIGHT_DB?.trim() || DEFAULT_SQLITE_FILE };
}

export function connect(config: DbConfig): Db {
  const plugins = [new CamelCasePlugin()];
  if (config.dialect === "sqlite") {
    if (config.file !== ":memory:") mkdirSync(dirname(config.file), { recursive: true });
    const database = new SqliteDatabase(config.file);
    database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    // WAL with synchronous=NORMAL can lose the last commits on power loss; FULL keeps every acknowledged write.
    database.pragma("synchronous = FULL");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins });
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.searchPath ? { options: `-c search_path=${config.searchPath}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
}

export function dialectOf(config: DbConfig): "sqlite" | "postgres" {
  return config.dialect;
}
