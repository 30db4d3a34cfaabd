import { readFile, stat, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { glob, isDynamicPattern } from "tinyglobby";
import { defaultConfig, findConfigFile, loadConfig, type LintConfig } from "../../lint/config.ts";
import { formatJson, type FileResult } from "../../lint/format/json.ts";
import { formatSarif } from "../../lint/format/sarif.ts";
import { formatText, wantsColor } from "../../lint/format/text.ts";
import { countBySeverity } from "../../lint/quality.ts";
import { DomainError } from "../../shared/errors.ts";

const LintFormats = ["text", "json", "sarif"] as const;
type LintFormat = (typeof LintFormats)[number];

interface LintOptions {
  format: LintFormat;
  maxWarnings?: number;
  config?: string;
  output?: string;
}

export const STDIN = "-";
const STDIN_NAME = "<stdin>";

/** Every file the arguments name: files as given, folders as their *.md files, globs expanded, `-` kept. */
async function expandPaths(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === STDIN ? STDIN : resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    if (path === STDIN) {
      add(STDIN);
      continue;
    }
    const found = await stat(path).catch(() => undefined);
    if (found?.isDirectory()) {
      const inside = await glob("**/*.md", { cwd: path, dot: false, ignore: ["**/node_modules/**"] });
      inside.sort().forEach((file) => add(join(path, file)));
    } else if (found) {
      add(path);
    } else if (isDynamicPattern(path)) {
      const matches = await glob(path, {
        dot: false,
        ignore: ["**/node_modules/**"],
        absolute: isAbsolute(path),
      });
      if (matches.length === 0) missing.push(path);
      matches.sort().forEach(add);
    } else {
      missing.push(path);
    }
  }
  return { files, missing };
}

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) {
    throw DomainError.validation(
      STDIN,
      "pipe a document on standard input, e.g. cat pm.md | hindsight lint -",
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

async function readSource(file: string): Promise<string> {
  if (file === STDIN) return readStandardInput();
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw DomainError.validation(file, `cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** The --config file, else the nearest `.hindsightrc.json` / `hindsight.config.json`, else the defaults. */
async function resolveConfig(explicit: string | undefined): Promise<LintConfig> {
  if (explicit !== undefined) return loadConfig(explicit);
  const found = await findConfigFile(process.cwd());
  return found === null ? defaultConfig() : loadConfig(found);
}

function parseCount(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError("give a whole number, 0 or more");
  return Number(value);
}

function report(results: FileResult[], o: LintOptions, config: LintConfig, version: string): string {
  if (o.format === "json") return formatJson(results);
  if (o.format === "sarif") {
    return formatSarif(results, { toolVersion: version, root: process.cwd(), levels: config.rules });
  }
  return formatText(results, { color: o.output === undefined && wantsColor(process.stdout) });
}

export function registerLint(program: Command): void {
  program
    .command("lint")
    .description(
      "check post-mortems in Markdown for blame, shallow fixes, vague or unowned action items and gaps (no database needed)",
    )
    .argument(
      "<paths...>",
      "files, folders (every *.md inside, recursively), glob patterns, or - for standard input",
    )
    .addOption(new Option("--format <format>", "how to report").choices(LintFormats).default("text"))
    .option("--max-warnings <n>", "also exit 1 when there are more warnings than this", parseCount)
    .option(
      "--config <file>",
      "the config file to use (default: the nearest .hindsightrc.json or hindsight.config.json)",
    )
    .option("-o, --output <file>", "write the report to this file instead of standard output")
    .action(async (paths: string[], o: LintOptions) => {
      // The linter's language model loads only when linting, not with every other command.
      const { lintMarkdown } = await import("../../lint/lint.ts");
      const config = await resolveConfig(o.config);
      const { files, missing } = await expandPaths(paths);
      if (missing.length > 0)
        throw DomainError.validation("paths", `no such file, folder or match: ${missing.join(", ")}`);
      if (files.length === 0)
        throw DomainError.validation("paths", `no Markdown file in ${paths.join(", ")}`);
      const results: FileResult[] = [];
      for (const file of files) {
        const source = await readSource(file);
        results.push({
          file: file === STDIN ? STDIN_NAME : file,
          source,
          findings: lintMarkdown(source, config),
        });
      }
      const output = report(results, o, config, program.version() ?? "0.0.0");
      if (o.output === undefined) process.stdout.write(output);
      else {
        await writeFile(o.output, output).catch((error: NodeJS.ErrnoException) => {
          throw DomainError.validation("output", `${o.output} cannot be written (${error.code})`);
        });
      }
      const { errors, warnings } = countBySeverity(results.flatMap((r) => r.findings));
      const tooManyWarnings = o.maxWarnings !== undefined && warnings > o.maxWarnings;
      if (tooManyWarnings) {
        console.error(`hindsight: ${warnings} warnings, more than --max-warnings ${o.maxWarnings} allows`);
      }
      if (errors > 0 || tooManyWarnings) process.exitCode = 1;
    });
}
