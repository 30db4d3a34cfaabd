import type { List, ListItem, Root, RootContent } from "mdast";
import { parse as parseYaml } from "yaml";
import { FrontMatter } from "../front-matter.ts";
import type { LineMessage, ParsedPostmortem } from "../parse-template.ts";
import { metricOf, type SectionKey } from "./aliases.ts";
import { readStatedDuration } from "./duration.ts";
import { actionItems } from "./action-items.ts";
import { lineOf, outline, type Section } from "./sections.ts";
import { blocksText, blockText, inlineText, ownText } from "./text.ts";
import { readTimelineNodes, warnOutOfOrder, type TimelineReader, type TimelineRow } from "./timeline.ts";
import { readWhen } from "./when.ts";
import { findZoneStatement, type StatedZone } from "./zone.ts";
import { incidentTimes, type StatedMetric } from "./incident-times.ts";

export interface HouseStyleOptions {
  /** The zone to read times in when the document states none (a team's convention), e.g. "Europe/London". */
  defaultZone?: StatedZone | null;
}

export interface HouseStyleDocument extends ParsedPostmortem {
  statedDurations: StatedMetric[];
  /** What makes a later import of the same post-mortem update this one: its title and start date. */
  importRef: string;
  /** The entries of a "Key events" list ("First detected 2023-01-11 14:22"), also in `timeline`. */
  keyEvents: { text: string; occurredAt: string; line: number }[];
}

export interface HouseStyleResult {
  document?: HouseStyleDocument;
  errors: LineMessage[];
  warnings: LineMessage[];
}

const DATE_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Top-level bullets as single lines: a nested list is joined to its parent ("parent: a; b"). */
function flatItem(item: ListItem): string {
  const own = ownText(item).replace(/\s*\n\s*/g, " ");
  const nested = item.children
    .filter((child): child is List => child.type === "list")
    .flatMap((list) => list.children.map(flatItem));
  if (nested.length === 0) return own;
  const joiner = own === "" ? "" : /:$/.test(own) ? " " : ": ";
  return `${own}${joiner}${nested.join("; ")}`;
}

/** Each top-level bullet (and each paragraph that is not a list) as one line of text. */
function listLines(section: Section | undefined): { text: string; line: number }[] {
  if (!section) return [];
  const lines: { text: string; line: number }[] = [];
  if (section.value) lines.push({ text: section.value, line: section.line });
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const item of node.children) lines.push({ text: flatItem(item), line: lineOf(item) });
    } else if (node.type === "heading") {
      continue;
    } else {
      const text = blockText(node).trim();
      if (text) lines.push({ text: text.replace(/\s*\n\s*/g, " "), line: lineOf(node) });
    }
  }
  return lines.filter((l) => l.text !== "");
}

function sectionText(section: Section | undefined): string {
  if (!section) return "";
  return [section.value, blocksText(section.nodes)].filter(Boolean).join("\n\n");
}

/** Names from a list or a comma-separated line. */
function attendees(section: Section | undefined): string[] {
  return listLines(section)
    .flatMap((l) => l.text.split(/\s*[,;]\s*|\s+and\s+/))
    .map((name) => name.trim())
    .filter((name) => name !== "" && name.length <= 200);
}

function severityOf(value: string): "P1" | "P2" | "P3" | null {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/^[~"'`\s]+|["'`]+$/g, "");
  const n = /^(?:p|s|sev(?:erity)?)?\s*[:=-]*\s*([0-9])\b/.exec(v);
  if (n) return n[1] === "0" || n[1] === "1" ? "P1" : n[1] === "2" ? "P2" : "P3";
  if (/^(critical|major|high)\b/.test(v)) return v.startsWith("high") ? "P2" : "P1";
  if (/^(medium|moderate|minor|low)\b/.test(v)) return "P3";
  return null;
}

interface LooseFrontMatter {
  title?: unknown;
  date?: unknown;
  tags?: unknown;
  severity?: unknown;
  timezone?: unknown;
}

function looseFrontMatter(tree: Root, warnings: LineMessage[]): LooseFrontMatter {
  const node = tree.children[0];
  if (node?.type !== "yaml") return {};
  try {
    const data: unknown = parseYaml(node.value);
    return data && typeof data === "object" ? (data as LooseFrontMatter) : {};
  } catch (error) {
    warnings.push({
      line: lineOf(node),
      message: `the front matter is not YAML and was ignored: ${(error as Error).message.split("\n")[0]}`,
    });
    return {};
  }
}

const isTimelineHeading = (text: string): boolean => {
  const when = readWhen(text, { zone: null, date: "2000-01-01" });
  return when.ok && text.slice(when.consumed).trim().length <= text.length / 2;
};

/** Sections whose bullets are mostly dated ("- 2023-01-11 14:34: …") are a timeline, whatever their name. */
function looksDated(section: Section): boolean {
  const items = section.nodes.flatMap((node) => (node.type === "list" ? node.children : []));
  if (items.length < 2) return false;
  const dated = items.filter((item) => readWhen(ownText(item), { zone: null, date: null }).ok).length;
  return dated >= 2 && dated * 2 >= items.length;
}

/**
 * Reads a post-mortem written in another team's house style (DFDS-like `## Timeline` tables, MoJ-like
 * bold-field lists, `### 08:52 PM` headings…) into the same shape as Hindsight's own template.
 */
export function readHouseStyle(tree: Root, options: HouseStyleOptions = {}): HouseStyleResult {
  const errors: LineMessage[] = [];
  const warnings: LineMessage[] = [];
  const fm = looseFrontMatter(tree, warnings);
  const doc = outline(tree, isTimelineHeading);
  // Front matter `title` is the document's declared title (a site generator shows it); the # heading is next.
  const fmTitle = typeof fm.title === "string" ? fm.title.trim() : "";
  const title = fmTitle || doc.title?.text || "";
  if (fmTitle && doc.title && doc.title.text !== fmTitle) {
    warnings.push({
      line: doc.title.line,
      message: `the # heading differs from the front matter title; the front matter's "${fmTitle}" was used`,
    });
  }
  if (!title) {
    errors.push({
      line: 1,
      message: "the document needs a title: a # heading or title: in its front matter",
    });
    return { errors, warnings };
  }

  // Sections naming the same part ("What went wrong" and "Where we got lucky") are read as one.
  const byKey = new Map<SectionKey, Section>();
  const unknown: Section[] = [];
  for (const section of doc.sections) {
    if (!section.key) {
      if (section.level > 0 || metricOf(section.name) === null) unknown.push(section);
      continue;
    }
    const seen = byKey.get(section.key);
    byKey.set(
      section.key,
      seen
        ? {
            ...seen,
            value: [seen.value, section.value].filter(Boolean).join("\n\n"),
            nodes: [...seen.nodes, ...section.nodes],
          }
        : section,
    );
  }
  const timelineSections = doc.sections.filter(
    (s) => s.key === "timeline" || s.key === "keyEvents" || (s.key === null && looksDated(s)),
  );

  // The time zone: stated in the timeline, else anywhere in the document, else the team's convention.
  const zoneTexts = (sections: readonly Section[]) =>
    sections.flatMap((s) => [s.name, s.value, ...s.nodes.flatMap(zoneCandidates)]);
  let zone: StatedZone | null = null;
  for (const text of [
    ...zoneTexts(timelineSections),
    ...doc.preamble.flatMap(zoneCandidates),
    ...zoneTexts(doc.sections),
  ]) {
    zone = text ? findZoneStatement(text) : null;
    if (zone) break;
  }
  if (!zone && typeof fm.timezone === "string") zone = findZoneStatement(`times in ${fm.timezone}`);
  if (!zone) zone = options.defaultZone ?? null;

  const documentDate =
    dateOf(fm.date) ?? dateOf(byKey.get("date")?.value) ?? DATE_IN_TEXT.exec(title)?.[1] ?? null;
  const reader: TimelineReader = { zone, date: documentDate, errors, warnings };
  const timeline: TimelineRow[] = [];
  const keyEvents: TimelineRow[] = [];
  const notes: string[] = [];
  let warnedNoZone = false;
  for (const section of timelineSections) {
    reader.strict = section.key === "timeline";
    const read = readTimelineNodes(
      section.value
        ? [
            {
              type: "paragraph",
              children: [{ type: "text", value: section.value }],
              position: { start: { line: section.line, column: 1 }, end: { line: section.line, column: 1 } },
            },
            ...section.nodes,
          ]
        : section.nodes,
      reader,
      true,
    );
    warnOutOfOrder(read.rows, warnings);
    // Times that carry their own zone ("14:02 UTC") need none from the document; others are read as UTC.
    if (
      !zone &&
      !warnedNoZone &&
      read.rows.some((row) => !row.ownZone && row.precision !== "day" && row.precision !== "month")
    ) {
      warnedNoZone = true;
      warnings.push({ line: section.line, message: "no time zone is stated; times were read as UTC" });
    }
    timeline.push(...read.rows);
    if (section.key === "keyEvents") keyEvents.push(...read.rows);
    const kept = read.notes.filter((note) => !findZoneStatement(note));
    if (kept.length > 0) notes.push(`${section.name}:\n${kept.join("\n")}`);
  }

  const stated: StatedMetric[] = [];
  const tags: string[] = [];
  let severity = severityOf(
    byKey.get("severity")?.value ??
      (typeof fm.severity === "string" || typeof fm.severity === "number" ? String(fm.severity) : ""),
  );
  for (const section of doc.sections) {
    const metric = metricOf(section.name);
    if (metric && section.level === 0)
      stated.push({ metric, label: section.name, line: section.line, ...readStatedDuration(section.value) });
  }
  const stats = byKey.get("stats");
  for (const { text, line } of listLines(stats)) {
    const kv = /^([^:]+):\s*(.*)$/.exec(text);
    const metric = kv ? metricOf(kv[1]!) : null;
    if (kv && metric) stated.push({ metric, label: kv[1]!.trim(), line, ...readStatedDuration(kv[2]!) });
    else if (kv && /^(category|categories|tags?|component|area)$/i.test(kv[1]!.trim())) {
      tags.push(...kv[2]!.split(/\s*,\s*/).filter((t) => t && !/^(n\/?a|none|-|xxx)$/i.test(t)));
    } else if (kv && /^sev(erity)?$/i.test(kv[1]!.trim())) severity ??= severityOf(kv[2]!);
    else notes.push(`${stats!.name}: ${text}`);
  }
  if (Array.isArray(fm.tags)) tags.push(...fm.tags.filter((t): t is string => typeof t === "string"));
  if (!severity) {
    warnings.push({
      line: 1,
      message: "no severity is stated; the incident was stored as P3 (change it if it was worse)",
    });
  }

  const times = incidentTimes(timeline, stated, errors, warnings);
  if (!times) return { errors, warnings };

  for (const section of unknown) {
    if (timelineSections.includes(section)) continue;
    const text = sectionText(section);
    if (text) notes.push(`${section.name}:\n${text}`);
  }
  const preamble = blocksText(
    doc.preamble.filter(
      (node) => !(node.type === "paragraph" && findZoneStatement(inlineText(node.children))),
    ),
  );
  const summary = [sectionText(byKey.get("summary")), preamble, ...notes].filter(Boolean).join("\n\n");

  const lessons = listLines(byKey.get("lessons"));
  const subLessons = lessonsWithHeadings(byKey.get("lessons"));
  const items = actionItems(byKey.get("actionItems"));
  const people = attendees(byKey.get("attendees"));
  const appendix = listLines(byKey.get("appendix")).flatMap(({ text }) => {
    const link = /^(.*?)\s*\((https?:\/\/[^)\s]+)\)$/.exec(text) ?? /^()(https?:\/\/\S+)$/.exec(text);
    return link ? [{ title: link[1] || link[2]!, url: link[2]! }] : [];
  });

  const frontMatter = FrontMatter.parse({
    fiveWhys: whyChain(byKey.get("fiveWhys")),
    incident: {
      status: "resolved",
      detectedAt: times.detectedAt,
      mitigatedAt: times.mitigatedAt,
      tags: [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))],
      source: "markdown-import",
    },
    postmortem: { status: "published", summary },
    actionItems: items.map((entry) => ({
      status: entry.status,
      externalUrl: entry.externalUrl,
      ...(entry.type ? { type: entry.type } : {}),
    })),
    meeting: people.length > 0 ? { attendees: people.map((name) => ({ name })) } : null,
  });
  const document: HouseStyleDocument = {
    title,
    date: times.startedAt.slice(0, 10),
    startedAt: times.startedAt,
    resolvedAt: times.resolvedAt,
    impact: sectionText(byKey.get("impact")),
    severity: severity ?? "P3",
    timeline: timeline.map((row) => ({
      occurredAt: row.occurredAt,
      text: row.text || "(no text)",
      line: row.line,
    })),
    rootCause: sectionText(byKey.get("rootCause")),
    contributingFactors: listLines(byKey.get("contributingFactors")).map((l) => l.text),
    detection: sectionText(byKey.get("detection")),
    resolution: sectionText(byKey.get("resolution")),
    actionItems: items,
    wentWell: listLines(byKey.get("wentWell")).map((l) => l.text),
    toImprove: [
      ...(subLessons ?? lessons.map((l) => l.text)),
      ...listLines(byKey.get("toImprove")).map((l) => l.text),
    ],
    appendix,
    frontMatter,
    statedDurations: stated,
    importRef: `${refName(title)}|${times.startedAt.slice(0, 10)}`,
    keyEvents: keyEvents.map((row) => ({ text: row.text, occurredAt: row.occurredAt, line: row.line })),
  };
  return errors.length > 0 ? { errors, warnings } : { document, errors, warnings };
}

interface Why {
  text: string;
  actionItem: null;
  children: Why[];
}

/** A "Five whys" list is one chain: every answer is the why of the one before it. */
function whyChain(section: Section | undefined): Why[] {
  const answers = listLines(section)
    .map((l) => l.text.trim())
    .filter(Boolean)
    .slice(0, 50);
  let chain: Why[] = [];
  for (const text of answers.reverse())
    chain = [{ text: text.slice(0, 2_000), actionItem: null, children: chain }];
  return chain;
}

/** A title as the re-import key: case and punctuation do not matter, words in brackets do. */
function refName(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Lessons under sub-headings keep the sub-heading: "Reflections on collaboration — With S&O: …". */
function lessonsWithHeadings(section: Section | undefined): string[] | null {
  if (!section || !section.nodes.some((node) => node.type === "heading")) return null;
  const out: string[] = [];
  let heading = "";
  for (const node of section.nodes) {
    if (node.type === "heading") heading = inlineText(node.children).trim();
    else {
      const lines = listLines({ ...section, value: "", nodes: [node] }).map((l) => l.text);
      out.push(...lines.map((text) => (heading ? `${heading} — ${text}` : text)));
    }
  }
  if (section.value) out.unshift(section.value);
  return out;
}

function zoneCandidates(node: RootContent): string[] {
  if (node.type === "paragraph" || node.type === "heading") return [inlineText(node.children)];
  if (node.type === "table")
    return (node.children[0]?.children ?? []).map((cell) => inlineText(cell.children));
  return [];
}

function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  return DATE_IN_TEXT.exec(value)?.[1] ?? null;
}
