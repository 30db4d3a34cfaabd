#!/usr/bin/env node
// Runs the compiled build in dist/ (made by `npm install` through the prepare script) when it is at
// least as new as every source file; otherwise runs the TypeScript sources through tsx, so an edited
// checkout never runs stale code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "dist", ".build-stamp");

function newestSource(dir, isSource = (name) => name.endsWith(".ts") && !name.endsWith(".test.ts")) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, isSource));
    else if (isSource(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// `serve` builds the web app (vite, into dist/web) when a file under web/ is newer than the built
// index.html, so `npm start` never serves a stale app. A checkout without web/ or vite serves what is built.
function buildWebIfStale() {
  const webDir = join(root, "web");
  const builtIndex = join(root, "dist", "web", "index.html");
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(webDir)) return;
  const isWebSource = (name) => !/\.test\.tsx?$/.test(name);
  const config = join(root, "vite.config.ts");
  const newest = Math.max(
    newestSource(webDir, isWebSource),
    existsSync(config) ? statSync(config).mtimeMs : 0,
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newest) return;
  if (!existsSync(vite)) {
    console.warn(
      "The web app in web/ is newer than dist/web, but vite is not installed: serving the old build.",
    );
    return;
  }
  console.log("Building the web app (web/ changed since the last build)…");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
    // A shell's NODE_ENV=development (or test) would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0)
    console.warn("The web app did not build (see above): serving the API and the last build.");
}

if (process.argv[2] === "serve") buildWebIfStale();

const fresh =
  existsSync(stamp) &&
  (!existsSync(join(root, "src")) || statSync(stamp).mtimeMs >= newestSource(join(root, "src")));
if (fresh) {
  await import(pathToFileURL(join(root, "dist", "cli", "main.js")).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "src", "cli", "main.ts")).href);
}
