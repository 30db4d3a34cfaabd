import type { ListItem, Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { Headings, parseActionItemLine } from "../export/render-markdown.ts";
import { readFrontMatter, type FrontMatter } from "./front-matter.ts";
import { CalendarDate } from "../../shared/time.ts";

export interface LineMessage {
  line: number;
  message: string;
}

export interface ParsedActionItem {
  title: string;
  owner: string | null;
  dueDate: string | null;
  checked: boolean;
  struck: boolean;
  line: number;
}

/** What the body of a SPEC §2 document says, with the front matter beside it. */
export interface ParsedPostmortem {
  title: string;
  date: string;
  startedAt: string;
  resolvedAt: string | null;
  impact: string;
  severity: "P1" | "P2" | "P3";
  timeline: { occurredAt: string; text: string; line: number }[];
  rootCause: string;
  contributingFactors: string[];
  detection: string;
  resolution: string;
  actionItems: ParsedActionItem[];
  wentWell: string[];
  toImprove: string[];
  appendix: { title: string; url: string }[];
  frontMatter: FrontMatter;
}

const SECTION_NAMES: Record<string, keyof typeof Headings> = Object.fromEntries(
  Object.entries(Headings).map(([key, name]) => [normalise(name), key as keyof typeof Headings]),
);
SECTION_NAMES.timeline = "timeline";

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ").replace(/:$/, "");
}

const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;

/** The text a reader sees: text as written, a line break as `\n`, inline code with its backticks. */
export function plainText(node: Nodes): string {
  if (node.type === "text") return node.value;
  if (node.type === "break") return "\n";
  if (node.type === "inlineCode") return `\`${node.value}\``;
  if (node.type === "html") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2}))?`;
const TIMELINE_LINE = new RegExp(String.raw`^(?:(\S+?)[ T])?${TIME}(?:\.\d+)?Z? - ([\s\S]*)$`);
const DURATION = new RegExp(
  String.raw`^${TIME} - (?:(?:(\S+) )?${TIME}(?: UTC)?(?: \((\d+) minutes?\))?|ongoing(?: UTC)?)$`,
);

function clock(h: string, m: string, s: string | undefined): string | null {
  const [hh, mm, ss] = [Number(h), Number(m), Number(s ?? "0")];
  return hh < 24 && mm < 60 && ss < 60 ? `${h}:${m}:${s ?? "00"}` : null;
}

function validDate(value: string): boolean {
  return CalendarDate.safeParse(value).success;
}

export interface ParseResult {
  document?: ParsedPostmortem;
  errors: LineMessage[];
  warnings: LineMessage[];
}

/** Reads a SPEC §2 document (and its common variations); every problem names its line, nothing is guessed. */
export function parseTemplate(markdown: string): ParseResult {
  const errors: LineMessage[] = [];
  const warnings: LineMessage[] = [];
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(["yaml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
  });
  const nodes = [...tree.children];
  const yamlNode = nodes[0]?.type === "yaml" ? nodes.shift() : undefined;
  const frontMatter = readFrontMatter(
    yamlNode?.type === "yaml" ? `${yamlNode.value}\n` : "",
    yamlNode ? lineOf(yamlNode) + 1 : 1,
    errors,
    warnings,
  );

  const titleNode = nodes.shift();
  if (!titleNode || titleNode.type !== "heading") {
    errors.push({
      line: titleNode ? lineOf(titleNode) : 1,
      message: "the document must start with a title heading",
    });
    return { errors, warnings };
  }
  const title = plainText(titleNode);
  const header = readHeader(
    nodes[0]?.type === "paragraph" ? nodes.shift()! : undefined,
    lineOf(titleNode),
    errors,
  );

  const sections = new Map<keyof typeof Headings, RootContent[]>();
  let current: RootContent[] | undefined;
  for (const node of nodes) {
    if (node.type === "heading") {
      const key =
        SECTION_NAMES[normalise(plainText(node))] ??
        SECTION_NAMES[normalise(plainText(node).replace(/\(utc\)$/i, ""))];
      if (key) {
        if (sections.has(key))
          errors.push({ line: lineOf(node), message: `the section "${Headings[key]}" appears twice` });
        current = [];
        sections.set(key, current);
        continue;
      }
      warnings.push({
        line: lineOf(node),
        message: `the section "${plainText(node)}" is not part of the template; it was not imported`,
      });
      current = undefined;
      continue;
    }
    if (current) current.push(node);
    else
      warnings.push({ line: lineOf(node), message: "text outside the template's sections was not imported" });
  }
  const section = (key: keyof typeof Headings) => sections.get(key) ?? [];
  const text = (key: keyof typeof Headings) =>
    section(key)
      .map((node) =>
        node.type === "paragraph"
          ? plainText(node)
          : markdown.slice(node.position!.start.offset, node.position!.end.offset),
      )
      .join("\n\n");
  const bullets = (key: keyof typeof Headings): ListItem[] =>
    section(key).flatMap((node) => {
      if (node.type === "list") return node.children;
      errors.push({
        line: lineOf(node),
        message: `"${Headings[key]}" holds a list; write one "- " bullet per item`,
      });
      return [];
    });
  const itemText = (item: ListItem) => item.children.map(plainText).join("\n\n");

  if (!header) return { errors, warnings };
  const timeline = readTimeline(bullets("timeline"), header.date, itemText, errors, warnings);
  const actionItems = bullets("actionItems").map((item) => readActionItem(item, errors));
  const appendix = bullets("appendix").flatMap((item) => {
    const link = item.children[0]?.type === "paragraph" ? item.children[0].children[0] : undefined;
    if (
      link?.type === "link" &&
      item.children[0]!.type === "paragraph" &&
      item.children[0]!.children.length === 1
    ) {
      return [{ title: plainText(link), url: link.url }];
    }
    errors.push({ line: lineOf(item), message: "an appendix bullet must be one link: - [Title](https://…)" });
    return [];
  });
  const list = (key: keyof typeof Headings) => bullets(key).map(itemText);
  const document: ParsedPostmortem = {
    title,
    ...header,
    timeline,
    rootCause: text("rootCause"),
    contributingFactors: list("contributingFactors"),
    detection: text("detection"),
    resolution: text("resolution"),
    actionItems,
    wentWell: list("wentWell"),
    toImprove: list("toImprove"),
    appendix,
    frontMatter,
  };
  if (section("lessons").length > 0) {
    warnings.push({
      line: lineOf(section("lessons")[0]!),
      message: 'text directly under "Lessons Learned" was not imported',
    });
  }
  return errors.length > 0 ? { errors, warnings } : { document, errors, warnings };
}

type Header = Pick<ParsedPostmortem, "date" | "startedAt" | "resolvedAt" | "impact" | "severity">;

function readHeader(
  node: RootContent | undefined,
  titleLine: number,
  errors: LineMessage[],
): Header | undefined {
  const fields = new Map<string, { value: string; line: number }>();
  let field: { value: string; line: number } | undefined;
  if (node?.type === "paragraph") {
    for (const child of node.children) {
      const label =
        child.type === "strong" ? /^(Date|Duration|Impact|Severity):$/i.exec(plainText(child)) : null;
      if (label) {
        if (field) field.value = field.value.replace(/\n$/, "");
        field = { value: "", line: lineOf(child) };
        fields.set(label[1]!.toLowerCase(), field);
      } else if (field) field.value += plainText(child);
    }
  }
  for (const f of fields.values()) f.value = f.value.replace(/^ /, "").replace(/\n$/, "");
  const line = node ? lineOf(node) : titleLine + 1;
  const need = (name: string) => {
    const found = fields.get(name);
    if (!found)
      errors.push({ line, message: `the **${name[0]!.toUpperCase()}${name.slice(1)}:** line is missing` });
    return found;
  };
  const [date, duration, severity] = [need("date"), need("duration"), need("severity")];
  if (!date || !duration || !severity) return undefined;
  let ok = true;
  const fail = (at: number, message: string) => {
    errors.push({ line: at, message });
    ok = false;
  };
  if (!validDate(date.value)) fail(date.line, `"${date.value}" is not a date that exists (write YYYY-MM-DD)`);
  if (!/^P[123]$/.test(severity.value))
    fail(severity.line, `severity "${severity.value}" must be P1, P2 or P3`);
  const d = DURATION.exec(duration.value);
  const start = d ? clock(d[1]!, d[2]!, d[3]) : null;
  if (!d || !start) {
    fail(duration.line, `"${duration.value}" is not a duration like 14:02 - 15:10 UTC (68 minutes)`);
    return undefined;
  }
  const startedAt = `${date.value}T${start}Z`;
  let resolvedAt: string | null = null;
  if (d[5] !== undefined) {
    const endDate = d[4] ?? date.value;
    const end = clock(d[5], d[6]!, d[7]);
    if (!ok) return undefined;
    if (d[4] !== undefined && !validDate(endDate))
      fail(duration.line, `"${endDate}" is not a date that exists (write YYYY-MM-DD)`);
    else if (!end) fail(duration.line, `the end time in "${duration.value}" is not a time of day`);
    else {
      resolvedAt = `${endDate}T${end}Z`;
      if (ok && resolvedAt < startedAt) {
        fail(
          duration.line,
          `the incident cannot be resolved (${resolvedAt}) before it started (${startedAt})`,
        );
      }
    }
  }
  if (!ok) return undefined;
  return {
    date: date.value,
    startedAt,
    resolvedAt,
    impact: fields.get("impact")?.value ?? "",
    severity: severity.value as Header["severity"],
  };
}

function readTimeline(
  items: ListItem[],
  documentDate: string,
  itemText: (item: ListItem) => string,
  errors: LineMessage[],
  warnings: LineMessage[],
): ParsedPostmortem["timeline"] {
  const entries: ParsedPostmortem["timeline"] = [];
  for (const item of items) {
    const line = lineOf(item);
    const source = itemText(item);
    const m = TIMELINE_LINE.exec(source);
    const time = m ? clock(m[2]!, m[3]!, m[4]) : null;
    if (!m || !time) {
      const head = source.split(/ - |\n/)[0];
      errors.push({
        line,
        message: `"${head}" is not a UTC time; write HH:MM, HH:MM:SS or YYYY-MM-DD HH:MM before " - "`,
      });
      continue;
    }
    const date = m[1] ?? documentDate;
    if (!validDate(date)) {
      errors.push({ line, message: `"${date}" is not a date that exists (write YYYY-MM-DD)` });
      continue;
    }
    const occurredAt = `${date}T${time}Z`;
    const previous = entries.at(-1);
    if (previous && occurredAt < previous.occurredAt) {
      warnings.push({
        line,
        message: `${occurredAt} is earlier than the entry before it (${previous.occurredAt}); an entry after midnight needs its date`,
      });
    }
    entries.push({ occurredAt, text: m[5]!, line });
  }
  return entries;
}

function readActionItem(item: ListItem, errors: LineMessage[]): ParsedActionItem {
  const line = lineOf(item);
  const paragraph = item.children[0];
  const children = paragraph?.type === "paragraph" ? paragraph.children : [];
  const struck = children[0]?.type === "delete";
  const rest = children
    .slice(struck ? 1 : 0)
    .map(plainText)
    .join("");
  const read = parseActionItemLine(struck ? `x${rest}` : rest);
  const title = struck ? plainText(children[0]!) : read.title;
  if (item.checked === null || item.checked === undefined) {
    errors.push({ line, message: "an action item is a task bullet: - [ ] or - [x]" });
  }
  return { title, owner: read.owner, dueDate: read.dueDate, checked: item.checked === true, struck, line };
}
