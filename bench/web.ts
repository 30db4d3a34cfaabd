// The web app's two budgets: the initial JavaScript (gzip) and how soon the incident page is usable.
// Size: the Vite manifest's entry chunk plus every chunk it imports statically (lazy chunks excluded).
// Time: the real server (`hindsight serve`, fresh SQLite) and Debian's Chromium; each run opens the
// incident page in a new browser context (cold cache, signed in) and reads the `hindsight:capture-ready`
// performance mark the app sets when the capture input becomes enabled: milliseconds since navigation.
// Usage: npm run bench:web   (BENCH_RUNS=9 for more runs)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../test/e2e/browser.ts";
import { ensureWebBuilt, startServer } from "../test/e2e/server.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE_BUDGET_KB = 200;
const TIME_BUDGET_MS = 1_000;
const ENTRIES = 60;
const WEB = join(import.meta.dirname, "..", "dist", "web");

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Gzip bytes of the entry chunk and its static imports, as a browser downloads them before the app runs. */
function initialJavaScript(): { files: string[]; gzipBytes: number; cssGzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(WEB, ".vite", "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error("the Vite manifest names no entry chunk");
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  visit(entry);
  const gzip = (file: string) => gzipSync(readFileSync(join(WEB, file))).length;
  const files = [...seen].map((key) => manifest[key]!.file);
  const css = [...seen].flatMap((key) => manifest[key]!.css ?? []);
  return {
    files,
    gzipBytes: files.reduce((sum, file) => sum + gzip(file), 0),
    cssGzipBytes: css.reduce((sum, file) => sum + gzip(file), 0),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeToInteractive(): Promise<number[]> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const setup = await browser.browser.newContext();
    const api = setup.request;
    const headers = { origin: server.url };
    const signIn = await api.post(`${server.url}/api/v1/auth/sign-in`, {
      data: { email: server.admin.email, password: server.admin.password },
      headers,
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    const created = await api.post(`${server.url}/api/v1/incidents`, {
      data: { title: "Checkout API returns 502s", severity: "P1" },
      headers,
    });
    const { key } = (await created.json()) as { key: string };
    for (let i = 0; i < ENTRIES; i += 1) {
      await api.post(`${server.url}/api/v1/incidents/${key}/timeline`, {
        data: { text: `Entry ${i + 1}: checked the error rate on the dashboard`, kind: "observation" },
        headers,
      });
    }
    const storageState = await setup.storageState();
    await setup.close();

    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.browser.newContext({ storageState });
      const page = await context.newPage();
      await page.goto(`${server.url}/incidents/${key}`);
      await page.getByRole("textbox", { name: "Add timeline entry", disabled: false }).waitFor();
      const mark = (await page.evaluate(
        "performance.getEntriesByName('hindsight:capture-ready')[0]?.startTime ?? -1",
      )) as number;
      if (mark < 0) throw new Error("the app set no hindsight:capture-ready mark");
      times.push(mark);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.stop();
  }
}

await ensureWebBuilt();
const size = initialJavaScript();
const sizeKb = size.gzipBytes / 1024;
console.log(
  `initial JavaScript: ${sizeKb.toFixed(1)} KB gzip in ${size.files.length} file(s) (${size.files.join(", ")}); ` +
    `CSS ${(size.cssGzipBytes / 1024).toFixed(1)} KB gzip; budget ≤ ${SIZE_BUDGET_KB} KB: ${sizeKb <= SIZE_BUDGET_KB ? "met" : "MISSED"}`,
);
const times = await timeToInteractive();
const typical = median(times);
console.log(
  `incident page interactive (capture input enabled): median ${typical.toFixed(0)} ms of ${times.length} cold loads ` +
    `[${times.map((t) => t.toFixed(0)).join(", ")}]; budget < ${TIME_BUDGET_MS} ms: ${typical < TIME_BUDGET_MS ? "met" : "MISSED"}`,
);
if (sizeKb > SIZE_BUDGET_KB || typical >= TIME_BUDGET_MS) process.exitCode = 1;
