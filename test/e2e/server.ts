import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Role } from "../../src/users/user.ts";
import { BIN, runHindsight } from "../cli-process.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const WEB_INDEX = join(ROOT, "dist", "web", "index.html");
const BUILD_LOCK = join(ROOT, "dist", ".web-build-lock");

export interface SeededUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export interface RunningServer {
  url: string;
  admin: SeededUser;
  /** Adds a user through the real CLI (`hindsight user create --password-stdin`). */
  createUser(role: Role, name?: string): Promise<SeededUser>;
  stop(): Promise<void>;
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function webIsFresh(): boolean {
  if (!existsSync(WEB_INDEX)) return false;
  const newest = Math.max(newestIn(join(ROOT, "web")), statSync(join(ROOT, "vite.config.ts")).mtimeMs);
  return statSync(WEB_INDEX).mtimeMs >= newest;
}

/**
 * Builds the web app when web/ changed since the last build. Test files run in parallel, so one builds
 * while the others wait on a lock directory (mkdir is atomic); a lock older than two minutes is stale.
 */
export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!webIsFresh()) {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      if (Date.now() - statSync(BUILD_LOCK, { throwIfNoEntry: false })!.mtimeMs > 120_000) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error("timed out waiting for another test to build the web app");
      await sleep(250);
      continue;
    }
    try {
      const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
      const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "error"], {
        cwd: ROOT,
        encoding: "utf8",
        // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
        env: { ...process.env, NODE_ENV: "production" },
      });
      if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hindsight serve exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`hindsight serve did not become healthy within 60 s:\n${output()}`);
}

/**
 * The real server as a user starts it (`hindsight serve`) on a fresh SQLite file and a free port,
 * with an admin created through the CLI beforehand. Always SQLite, whatever DATABASE_URL says.
 */
export async function startServer(): Promise<RunningServer> {
  await ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), "hindsight-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HINDSIGHT_DB: join(dir, "hindsight.db"),
    HOST: "127.0.0.1",
    PORT: String(port),
    HINDSIGHT_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.HINDSIGHT_PUBLIC_URL;

  let users = 0;
  const createUser = async (role: Role, name = `E2E ${role}`): Promise<SeededUser> => {
    users += 1;
    const user = {
      email: `${role}${users}@example.com`,
      password: `e2e-password-${role}-${users}`,
      name,
      role,
    };
    const created = await runHindsight(
      ["user", "create", "--email", user.email, "--name", name, "--role", role, "--password-stdin"],
      env,
      `${user.password}\n`,
    );
    if (created.code !== 0) throw new Error(`could not create ${role}: ${created.stderr}`);
    return user;
  };
  const admin = await createUser("admin", "Ada Admin");

  const child = spawn(process.execPath, [BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    admin,
    createUser,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, sleep(5_000).then(() => child.kill("SIGKILL"))]);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
