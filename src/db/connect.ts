import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
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
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

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
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
      plugins,
    });
  }
  const options = [`-c statement_timeout=${STATEMENT_TIMEOUT_MS}`];
  if (config.searchPath) options.push(`-c search_path=${config.searchPath}`);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    options: options.join(" "),
  });
  // An idle connection dropped by the server (restart, failover) emits 'error' on the pool; without a
  // listener that would end the process. The pool replaces the connection on the next query.
  pool.on("error", (error) => {
    console.warn(`hindsight: a PostgreSQL connection was lost (${error.message}); it will be replaced`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, which costs more than running a small one; this reuses prepared
 * statements by SQL text (and makes transactions take SQLite's write lock at BEGIN). Kysely runs a statement to completion before the next one starts (no
 * streaming here), so a cached statement is never busy when it is reused.
 */
function withStatementCache(database: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string): SqliteDatabase.Statement {
      // Kysely opens transactions with a deferred BEGIN. Our transactions read, then write; when another
      // process (the CLI beside the server) wrote in between, SQLite fails the upgrade at once without
      // waiting for busy_timeout. BEGIN IMMEDIATE takes the write lock up front, and waits for it.
      const sql = text === "begin" ? "begin immediate" : text;
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
