import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import cliProgress from "cli-progress";
import { Option, type Command } from "commander";
import { glob, isDynamicPattern } from "tinyglobby";
import type { ImportOptions, ImportStatus } from "../../postmortems/import/import-postmortem.ts";
import { zoneFromLabel } from "../../postmortems/import/house-style/zone.ts";
import { inTransaction, type Ctx } from "../../shared/context.ts";
import { DomainError, isDomainError } from "../../shared/errors.ts";
import { withCliCtx } from "../context.ts";

const ImportFormats = ["text", "json"] as const;
type ImportFormat = (typeof ImportFormats)[number];

interface ImportCommandOptions {
  format: ImportFormat;
  dryRun?: boolean;
  timezone?: string;
}

interface Message {
  line: number | null;
  message: string;
}

interface FileOutcome {
  file: string;
  status: ImportStatus | "failed";
  key: string | null;
  warnings: Message[];
  errors: Message[];
}

/** Every file the arguments name: files as given, folders as their *.md files, globs expanded. */
async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const absolute = resolve(file);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(file);
  };
  for (const path of paths) {
    const found = await stat(path).catch(() => undefined);
    if (found?.isDirectory()) {
      const inside = await glob("**/*.md", { cwd: path, dot: false });
      inside.sort().forEach((file) => add(join(path, file)));
    } else if (found) {
      add(path);
    } else if (isDynamicPattern(path)) {
      (await glob(path, { dot: false })).sort().forEach(add);
    } else {
      missing.push(path);
    }
  }
  return { files, missing };
}

function messagesOf(error: DomainError): Message[] {
  if (error.errors.length === 0) return [{ line: null, message: error.message }];
  return error.errors.map((e) => {
    const line = /^line (\d+)$/.exec(e.path);
    return line
      ? { line: Number(line[1]), message: e.message }
      : { line: null, message: `${e.path}: ${e.message}` };
  });
}

// The Markdown parser and house styles load when importing, not with every other command: the first file
// starts the load, the others wait on the same promise.
let importerLoad: Promise<typeof import("../../postmortems/import/import-postmortem.ts")> | undefined;
const loadImporter = () => (importerLoad ??= import("../../postmortems/import/import-postmortem.ts"));

async function importFile(ctx: Ctx, file: string, options: ImportOptions): Promise<FileOutcome> {
  const failed = (errors: Message[]): FileOutcome => ({
    file,
    status: "failed",
    key: null,
    warnings: [],
    errors,
  });
  let markdown: string;
  try {
    markdown = await readFile(file, "utf8");
  } catch (error) {
    return failed([{ line: null, message: `cannot be read (${(error as NodeJS.ErrnoException).code})` }]);
  }
  const { importPostmortem } = await loadImporter();
  try {
    const { status, key, warnings } = await importPostmortem(ctx, markdown, options);
    return { file, status, key, warnings, errors: [] };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return failed(messagesOf(error));
  }
}

/**
 * Imports the files one by one; a dry run imports them all in one transaction that is rolled back,
 * each file behind a savepoint, so every status is what a real run would report and nothing is stored.
 */
async function importFiles(
  ctx: Ctx,
  files: string[],
  dryRun: boolean,
  options: ImportOptions,
  progress: (file: string) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  if (!dryRun) {
    for (const file of files) {
      outcomes.push(await importFile(ctx, file, options));
      progress(file);
    }
    return outcomes;
  }
  const trx = await ctx.db.startTransaction().execute();
  try {
    const inTrx = inTransaction(ctx, trx);
    for (const file of files) {
      const point = await trx.savepoint("import_file").execute();
      const outcome = await importFile(inTrx, file, options);
      // A failed file may have written part of itself (or, on PostgreSQL, aborted the transaction).
      if (outcome.status === "failed") await point.rollbackToSavepoint("import_file").execute();
      await point.releaseSavepoint("import_file").execute();
      outcomes.push(outcome);
      progress(file);
    }
  } finally {
    await trx.rollback().execute();
  }
  return outcomes;
}

function where(file: string, m: Message): string {
  return m.line === null ? `${file}: ${m.message}` : `${file}:${m.line}: ${m.message}`;
}

function summary(outcomes: FileOutcome[], dryRun: boolean): string {
  const count = (status: FileOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const lines = [
    `${dryRun ? "Dry run, nothing was stored: " : ""}${count("imported")} imported, ${count("updated")} updated, ` +
      `${count("unchanged")} unchanged, ${count("failed")} failed`,
  ];
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length > 0) {
    lines.push("", "Failed:");
    for (const o of failed) lines.push(...o.errors.map((m) => `  ${where(o.file, m)}`));
  }
  const warned = outcomes.filter((o) => o.warnings.length > 0);
  if (warned.length > 0) {
    lines.push("", "Warnings:");
    for (const o of warned) lines.push(...o.warnings.map((m) => `  ${where(o.file, m)}`));
  }
  return lines.join("\n");
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "import post-mortems: Hindsight's Markdown template, or other teams' house styles (files, folders of *.md, globs)",
    )
    .argument("<paths...>", "files, folders (every *.md inside, recursively) or glob patterns")
    .addOption(new Option("--format <format>", "how to report").choices(ImportFormats).default("text"))
    .option("--dry-run", "check every file and report what would happen, storing nothing")
    .option(
      "--timezone <zone>",
      'the zone times are in when a document states none (e.g. "Europe/London", "CET", "UTC+1"); default UTC',
    )
    .action(async (paths: string[], o: ImportCommandOptions) => {
      if (o.timezone !== undefined && !zoneFromLabel(o.timezone)) {
        const message = `--timezone: "${o.timezone}" is not a time zone (try an IANA name like Europe/London, or UTC+1)`;
        throw new DomainError("VALIDATION", message, [{ path: "timezone", message }]);
      }
      const options: ImportOptions = { defaultZone: o.timezone ?? null };
      const { files, missing } = await expandPaths(paths);
      if (files.length === 0) {
        const message = `no file matches ${paths.join(", ")}`;
        throw new DomainError("VALIDATION", message, [{ path: "paths", message }]);
      }
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: "{bar} {value}/{total} {file}", clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(files.length, 0, { file: "" });
      const dryRun = o.dryRun === true;
      const outcomes = await withCliCtx((ctx) =>
        importFiles(ctx, files, dryRun, options, (file) => bar?.increment({ file })),
      ).finally(() => bar?.stop());
      // A path that names no file is reported like a file that failed, after the ones found.
      for (const file of missing) {
        outcomes.push({
          file,
          status: "failed",
          key: null,
          warnings: [],
          errors: [{ line: null, message: "no such file, folder or match" }],
        });
      }
      console.log(o.format === "json" ? JSON.stringify(outcomes, null, 2) : summary(outcomes, dryRun));
      if (outcomes.some((outcome) => outcome.status === "failed")) process.exitCode = 1;
    });
}
