// Import throughput: the full Markdown import into SQLite against the Markdown parser alone on the same bytes.
// The 62 corpus documents are copied to 5,000 files, each with a title of its own so every copy is a new
// post-mortem to the importer. All three paths read the files from disk inside their timed loops.
// Usage: npm run bench:import   (BENCH_DOCUMENTS=1000 npm run bench:import for a quick try)
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { connect, type Db } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import {
  importPostmortem,
  readDocument,
  type ImportStatus,
} from "../src/postmortems/import/import-postmortem.ts";
import { systemClock } from "../src/shared/clock.ts";
import type { Ctx } from "../src/shared/context.ts";
import { isDomainError } from "../src/shared/errors.ts";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 5_000);
const WARM_UP = 100;
const ROUND = 250;
const TARGET_RATIO = 0.3;
const CORPUS = resolve(import.meta.dirname, "..", "..", "shared", "corpus");
// MoJ's key events are in London time by the team's convention (corpus README); DFDS states its zone per file.
const FOLDERS = [
  { name: "dfds", defaultZone: null },
  { name: "moj-cloud-platform", defaultZone: "Europe/London" },
] as const;

interface Source {
  name: string;
  markdown: string;
  defaultZone: string | null;
}

interface Copy {
  file: string;
  source: string;
  defaultZone: string | null;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function loadCorpus(): Promise<Source[]> {
  if (!existsSync(CORPUS)) {
    throw new Error(`the corpus is missing: expected ${CORPUS} (../shared/corpus beside the repository)`);
  }
  const sources: Source[] = [];
  for (const { name, defaultZone } of FOLDERS) {
    const folder = join(CORPUS, name);
    if (!existsSync(folder)) throw new Error(`the corpus folder ${folder} is missing`);
    const files = (await readdir(folder)).filter((f) => f.endsWith(".md") && f !== "TEMPLATE.md").sort();
    for (const file of files) {
      sources.push({
        name: `${name}/${file}`,
        markdown: await readFile(join(folder, file), "utf8"),
        defaultZone,
      });
    }
  }
  if (sources.length === 0) throw new Error(`no documents in ${CORPUS}`);
  return sources;
}

/** The document under a title of its own: the first `# ` heading and the front matter `title:` get a suffix. */
function retitle(markdown: string, suffix: string): string {
  let heading = false;
  let title = false;
  let inFrontMatter = false;
  // Before the line's trailing whitespace (a \r stays where it was) and, in YAML, before a closing quote.
  const append = (line: string, quoted: boolean) =>
    line.replace(
      quoted ? /(["']?)(\s*)$/ : /()(\s*)$/,
      (_, quote: string, end: string) => suffix + quote + end,
    );
  return markdown
    .split("\n")
    .map((line, index) => {
      if (index === 0 && line.trimEnd() === "---") inFrontMatter = true;
      else if (inFrontMatter && line.trimEnd() === "---") inFrontMatter = false;
      else if (inFrontMatter && !title && /^title:\s*\S/.test(line)) {
        title = true;
        return append(line, true);
      } else if (!inFrontMatter && !heading && line.startsWith("# ")) {
        heading = true;
        return append(line, false);
      }
      return line;
    })
    .join("\n");
}

/** Writes `count` retitled copies of the sources, cycling through them, and returns them with their size. */
async function writeCopies(
  dir: string,
  sources: Source[],
  count: number,
  label: string,
): Promise<{ copies: Copy[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const copies: Copy[] = [];
  let bytes = 0;
  for (let n = 1; n <= count; n++) {
    const source = sources[(n - 1) % sources.length]!;
    const markdown = retitle(source.markdown, ` - ${label} ${n}`);
    const file = join(dir, `${String(n).padStart(5, "0")}-${basename(source.name)}`);
    await writeFile(file, markdown);
    bytes += Buffer.byteLength(markdown);
    copies.push({ file, source: source.name, defaultZone: source.defaultZone });
  }
  return { copies, bytes };
}

/** Reads each copy from disk and hands it to `work`; returns the milliseconds it all took. */
async function timed(copies: Copy[], work: (markdown: string, copy: Copy) => unknown): Promise<number> {
  const start = performance.now();
  for (const copy of copies) await work(await readFile(copy.file, "utf8"), copy);
  return performance.now() - start;
}

/** A fresh, migrated SQLite database and a context built like the CLI's (src/cli/context.ts). */
async function openCtx(file: string): Promise<{ db: Db; ctx: Ctx }> {
  const db = connect({ dialect: "sqlite", file });
  await migrateToLatest(db);
  return { db, ctx: { db, clock: systemClock, actor: { kind: "cli", name: "bench" } } };
}

/** The import's status for one document; a document whose source has an error fails and stores nothing. */
async function importOne(ctx: Ctx, markdown: string, copy: Copy): Promise<ImportStatus | "failed"> {
  try {
    return (await importPostmortem(ctx, markdown, { defaultZone: copy.defaultZone })).status;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return "failed";
  }
}

const parseOptions = {
  extensions: [gfm(), frontmatter(["yaml"])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
};
const parseOnly = (markdown: string) => fromMarkdown(markdown, parseOptions);
const readOnly = (markdown: string, copy: Copy) => readDocument(markdown, { defaultZone: copy.defaultZone });

async function main(): Promise<void> {
  const sources = await loadCorpus();
  const dir = await mkdtemp(join(tmpdir(), "hindsight-bench-import-"));
  try {
    // At least one copy of every source, so the warm-up also tells which sources fail by design.
    const warmUp = Math.max(WARM_UP, sources.length);
    const warm = await writeCopies(join(dir, "warm-up"), sources, warmUp, "warm-up");
    const { copies, bytes } = await writeCopies(join(dir, "documents"), sources, DOCUMENTS, "copy");
    const rounds = Math.ceil(copies.length / ROUND);
    console.log(
      `${sources.length} corpus documents copied to ${copies.length} files (${bytes} bytes, ` +
        `${(bytes / copies.length / 1024).toFixed(1)} KiB each); each path warmed up on ${warmUp} other ` +
        `copies, then timed in ${rounds} interleaved rounds of ${ROUND} documents`,
    );

    // The warm-up imports go to a database of their own, so the timed import starts from a fresh one.
    const failingSources = new Set<string>();
    const warmDb = await openCtx(join(dir, "warm-up.db"));
    try {
      await timed(warm.copies, parseOnly);
      await timed(warm.copies, readOnly);
      await timed(warm.copies, async (markdown, copy) => {
        if ((await importOne(warmDb.ctx, markdown, copy)) === "failed") failingSources.add(copy.source);
      });
    } finally {
      await warmDb.db.destroy();
    }

    // Interleaved so that a busy machine slows the three paths alike and the ratios stay comparable.
    const ms = { parser: 0, reader: 0, full: 0 };
    const outcomes = new Map<ImportStatus | "failed", number>();
    let unexpected = 0;
    const { db, ctx } = await openCtx(join(dir, "bench.db"));
    try {
      for (let first = 0; first < copies.length; first += ROUND) {
        const round = copies.slice(first, first + ROUND);
        ms.parser += await timed(round, parseOnly);
        ms.reader += await timed(round, readOnly);
        ms.full += await timed(round, async (markdown, copy) => {
          const outcome = await importOne(ctx, markdown, copy);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if ((outcome === "failed") !== failingSources.has(copy.source)) unexpected++;
        });
      }
    } finally {
      await db.destroy();
    }

    const imported = outcomes.get("imported") ?? 0;
    const failedCount = outcomes.get("failed") ?? 0;
    if (imported + failedCount !== copies.length || unexpected > 0) {
      const seen = [...outcomes].map(([status, n]) => `${n} ${status}`).join(", ");
      throw new Error(
        `every copy should be new to the importer and fail only where its source does (as in the ` +
          `warm-up); the import reported ${seen}, ${unexpected} differing from the warm-up`,
      );
    }
    const perSecond = (pathMs: number) => copies.length / (pathMs / 1000);
    const ratio = perSecond(ms.full) / perSecond(ms.parser);
    console.log();
    console.table(
      [
        { path: "parser alone (fromMarkdown, gfm + frontmatter)", ms: ms.parser },
        { path: "readDocument (parse + house-style reading, no db)", ms: ms.reader },
        { path: "full import into SQLite (importPostmortem)", ms: ms.full },
      ].map((row) => ({
        path: row.path,
        "documents/s": Math.round(perSecond(row.ms)),
        "ms/document": Number((row.ms / copies.length).toFixed(2)),
        "MiB/s": Number((bytes / 1024 / 1024 / (row.ms / 1000)).toFixed(2)),
        "÷ parser": Number((perSecond(row.ms) / perSecond(ms.parser)).toFixed(2)),
      })),
    );
    console.log(
      `full/parser = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}): ${ratio >= TARGET_RATIO ? "PASS" : "MISS"}`,
    );
    console.log(
      `${copies.length} documents processed: ${imported} imported, ${failedCount} failed ` +
        `(copies of the ${failingSources.size} sources with errors); ${bytes} bytes read by each path`,
    );
    console.log(
      `RSS ${mib(process.memoryUsage().rss)} MiB at the end, peak ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
