import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_SEVERITY, type RuleLevel } from "../config.ts";
import { RULE_IDS, type RuleId, type Severity } from "../finding.ts";
import type { FileResult } from "./json.ts";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const HINDSIGHT_INFORMATION_URI = "https://github.com/hindsight-postmortems/hindsight";

interface RuleDoc {
  short: string;
  full: string;
  help: string;
}

/** What each rule looks for and what to do about it, as code-scanning tools show it next to an alert. */
export const RULE_DOCS: Record<RuleId, RuleDoc> = {
  "blame-language": {
    short: "A person is made the cause of the failure",
    full: "A person, role or team is the agent of a fault, the failure is put down to human or operator error, people are judged (careless, sloppy), or hindsight is used against them (should have known, if only).",
    help: "Ask about the system instead: what allowed the mistake to happen, and to reach production?",
  },
  "shallow-analysis": {
    short: "The fix relies on people trying harder",
    full: "A fix or lesson asks people to be more careful, pay more attention, double-check or be reminded, instead of changing the system.",
    help: "Name the mechanism (a check, a guard, an alert, an automation) that makes the failure impossible or visible.",
  },
  "vague-action-item": {
    short: "An action item is not specific",
    full: "An action item names no concrete change, place or done-condition, such as 'improve monitoring'.",
    help: "Say what changes, where, and how everyone will know it is done.",
  },
  "action-item-owner": {
    short: "An action item has no owner",
    full: "An action item has nobody named as responsible for it.",
    help: "Give every action item one owner: an item nobody owns is a wish.",
  },
  "action-item-due": {
    short: "An action item has no due date",
    full: "An action item has no date by which it should be done.",
    help: "Give every action item a due date: an item without a deadline is a wish.",
  },
  "action-item-overload": {
    short: "More action items than the team can finish",
    full: "The review lists more open action items than a team can finish (more than 5 by default), or more than 3 with none marked high priority.",
    help: "Keep the two or three fixes with the most impact, mark them high priority, and move the rest to the backlog.",
  },
  "single-root-cause": {
    short: "A root cause without contributing factors",
    full: "The review names a root cause but no contributing factors.",
    help: "Complex systems fail for several reasons at once: list the factors that made this failure possible.",
  },
  "shallow-whys": {
    short: "A five-whys chain stops too early",
    full: "A five-whys chain ends in an answer that was never turned into an action item.",
    help: "Keep asking why until the answer is something the team can change.",
  },
  "missing-section": {
    short: "A required section is empty",
    full: "A required section (root cause or contributing factors, detection, resolution, action items, lessons learned) is missing or empty.",
    help: "Fill in the section, or write down why there is nothing to say.",
  },
  timeline: {
    short: "A timeline entry is out of order, has no time, or is not in UTC",
    full: "A timeline entry has no time or is out of order, or the timeline's times are not in UTC or never say their zone.",
    help: "Give every entry its UTC time and keep the entries in the order things happened.",
  },
  "no-meeting": {
    short: "Published without a review meeting",
    full: "The post-mortem is published without a held review meeting, or the meeting lists no attendees.",
    help: "Hold the review meeting with the people involved, and record who attended, before publishing.",
  },
};

type SarifLevel = "error" | "warning" | "note";
const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };

export interface SarifOptions {
  /** Hindsight's version, for `tool.driver.version`. */
  toolVersion: string;
  /** Paths are written relative to this folder (`%SRCROOT%`, the repository root in CI). */
  root: string;
  /** The rule levels in force; a rule that is off is listed as disabled. Defaults to each rule's default. */
  levels?: Partial<Record<RuleId, RuleLevel>>;
}

/** `docs/pm one.md` → `docs/pm%20one.md`: a relative URI reference with forward slashes. */
function relativeUri(relativePath: string): string {
  return relativePath.split(sep).join("/").split("/").map(encodeURIComponent).join("/");
}

function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  if (file === "<stdin>") return { uri: encodeURIComponent(file) };
  const path = relative(root, resolve(file));
  if (path.startsWith("..") || isAbsolute(path)) return { uri: pathToFileURL(resolve(file)).href };
  return { uri: relativeUri(path), uriBaseId: "%SRCROOT%" };
}

function ruleDescriptor(id: RuleId, level: RuleLevel | undefined) {
  const doc = RULE_DOCS[id];
  const defaultLevel = LEVEL[level === undefined || level === "off" ? DEFAULT_SEVERITY[id] : level];
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: doc.short },
    fullDescription: { text: doc.full },
    help: { text: doc.help },
    defaultConfiguration: { level: defaultLevel, ...(level === "off" ? { enabled: false } : {}) },
  };
}

/**
 * A SARIF 2.1.0 log of the findings (one run, every rule described), the format GitHub code scanning
 * and other CI dashboards read.
 */
export function formatSarif(results: FileResult[], options: SarifOptions): string {
  const root = resolve(options.root);
  const levels = options.levels ?? {};
  const sarifResults = results.flatMap((r) => {
    const location = artifactLocation(r.file, root);
    return r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: RULE_IDS.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: f.line, startColumn: f.column },
          },
        },
      ],
      properties: { section: f.section, suggestion: f.suggestion },
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Hindsight",
            informationUri: HINDSIGHT_INFORMATION_URI,
            version: options.toolVersion,
            rules: RULE_IDS.map((id) => ruleDescriptor(id, levels[id])),
          },
        },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
