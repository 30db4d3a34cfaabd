import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";

export const BIN = join(import.meta.dirname, "..", "bin", "hindsight.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `hindsight` executable as a user would, optionally feeding standard input. */
export function runHindsight(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/**
 * The environment for a real `hindsight` process with a database of its own: a SQLite file in `dir`,
 * or, when DATABASE_URL is set, a fresh PostgreSQL database that `drop` removes again.
 */
export async function ownDatabaseEnv(
  dir: string,
  prefix: string,
): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HINDSIGHT_DB: join(dir, "hindsight.db"),
    DATABASE_URL: "",
  };
  const url = process.env.DATABASE_URL;
  if (!url) return { env, drop: async () => {} };
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const run = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  env.DATABASE_URL = own.toString();
  return { env, drop: () => run(`drop database ${name} with (force)`) };
}
