import { access, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { DomainError } from "../shared/errors.ts";
import { fieldErrors } from "../shared/validate.ts";
import { RULE_IDS, type RuleId, type Severity } from "./finding.ts";

/*
 * The config file (`.hindsightrc.json` or `hindsight.config.json`), every key optional, unknown keys refused:
 *
 * {
 *   "rules": { "timeline": "off", "missing-section": "warning" },   // "off" | "error" | "warning" | "info"
 *   "options": { "action-item-overload": { "maxItems": 5, "requireHighPriority": true } },
 *   "phrases": { "blame": ["went rogue"], "shallow": ["tighten up"], "vague": ["sort out"] },
 *   "allow": ["Careless"]
 * }
 *
 * `phrases` are extra words or phrases that always flag under their rule (case-insensitive, whole words);
 * `allow` lists words or phrases that never flag: a sentence finding whose match contains one is dropped.
 */

export const RuleLevel = z.enum(["off", "error", "warning", "info"]);
export type RuleLevel = z.infer<typeof RuleLevel>;

const Phrase = z.string().trim().min(1, "must not be empty").max(200);

const ConfigFile = z.strictObject({
  $schema: z.string().optional(),
  rules: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, RuleLevel.optional()]))).optional(),
  options: z
    .strictObject({
      "action-item-overload": z
        .strictObject({
          maxItems: z.number().int().min(1).max(100).optional(),
          requireHighPriority: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  phrases: z
    .strictObject({
      blame: z.array(Phrase).optional(),
      shallow: z.array(Phrase).optional(),
      vague: z.array(Phrase).optional(),
    })
    .optional(),
  allow: z.array(Phrase).optional(),
});

/** The resolved linter configuration: defaults merged with a config file. */
export interface LintConfig {
  rules: Record<RuleId, RuleLevel>;
  overload: { maxItems: number; requireHighPriority: boolean };
  phrases: { blame: string[]; shallow: string[]; vague: string[] };
  allow: string[];
}

/** Each rule's severity when no config says otherwise. */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  "blame-language": "error",
  "shallow-analysis": "warning",
  "vague-action-item": "warning",
  "action-item-owner": "warning",
  "action-item-due": "warning",
  "action-item-overload": "warning",
  "single-root-cause": "warning",
  "shallow-whys": "warning",
  // A warning, not an error: a draft with empty sections is normal, and CI should not fail on it.
  "missing-section": "warning",
  timeline: "warning",
  "no-meeting": "warning",
};

/** The configuration used when no config file is found: every rule on at its default severity. */
export function defaultConfig(): LintConfig {
  return {
    rules: { ...DEFAULT_SEVERITY },
    overload: { maxItems: 5, requireHighPriority: true },
    phrases: { blame: [], shallow: [], vague: [] },
    allow: [],
  };
}

/** Validates a parsed config file and merges it over the defaults; errors name the file and the field. */
export function parseConfig(json: unknown, file: string): LintConfig {
  const result = ConfigFile.safeParse(json);
  if (!result.success) {
    const errors = fieldErrors(result.error);
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    throw new DomainError("VALIDATION", `${file}: ${detail}`, errors);
  }
  const input = result.data;
  const config = defaultConfig();
  for (const [id, level] of Object.entries(input.rules ?? {})) {
    if (level) config.rules[id as RuleId] = level;
  }
  const overload = input.options?.["action-item-overload"];
  config.overload = {
    maxItems: overload?.maxItems ?? config.overload.maxItems,
    requireHighPriority: overload?.requireHighPriority ?? config.overload.requireHighPriority,
  };
  config.phrases = {
    blame: input.phrases?.blame ?? [],
    shallow: input.phrases?.shallow ?? [],
    vague: input.phrases?.vague ?? [],
  };
  config.allow = input.allow ?? [];
  return config;
}

export const CONFIG_FILE_NAMES = [".hindsightrc.json", "hindsight.config.json"] as const;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The nearest config file from startDir upward, stopping at a folder holding `.git` or the root. */
export async function findConfigFile(startDir: string): Promise<string | null> {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (await exists(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || (await exists(join(dir, ".git")))) return null;
    dir = parent;
  }
}

/** Reads and validates one config file; a missing file or bad JSON is a VALIDATION error naming it. */
export async function loadConfig(file: string): Promise<LintConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw DomainError.validation(file, "cannot be read");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw DomainError.validation(file, `is not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(json, file);
}
