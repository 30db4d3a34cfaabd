import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Options } from "mdast-util-to-markdown";
import { parse, stringify } from "yaml";
import type { ActionItem } from "../../actions/action-item.ts";
import type { WhyNode } from "../../analysis/why-node.ts";
import { RECORD_FORMAT, type PostmortemRecord } from "./postmortem-record.ts";

/** The headings of SPEC §2, in document order; the importer looks for the same words. */
export const Headings = {
  timeline: "Timeline (UTC)",
  rootCause: "Root Cause",
  contributingFactors: "Contributing Factors",
  detection: "Detection",
  resolution: "Resolution",
  actionItems: "Action Items",
  lessons: "Lessons Learned",
  wentWell: "What went well",
  toImprove: "What could be improved",
  appendix: "Appendix",
} as const;

const UTC_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):(\d{2})/;

/** `14:02`, or `14:02:07` when the seconds are not zero. */
export function clockTime(iso: string): string {
  const [, , hm, s] = UTC_PARTS.exec(iso)!;
  return s === "00" ? hm! : `${hm}:${s}`;
}

export function utcDate(iso: string): string {
  return UTC_PARTS.exec(iso)![1]!;
}

/** The time of day, with the date in front when it is not the document's date (`2026-03-19 00:14`). */
export function timeOnDate(iso: string, documentDate: string): string {
  const date = utcDate(iso);
  return date === documentDate ? clockTime(iso) : `${date} ${clockTime(iso)}`;
}

/** `14:02 - 15:10 UTC (68 minutes)`; an incident not yet resolved is `14:02 - ongoing UTC`. */
export function durationText(startedAt: string, resolvedAt: string | null): string {
  const start = clockTime(startedAt);
  if (resolvedAt === null) return `${start} - ongoing UTC`;
  const minutes = Math.round((Date.parse(resolvedAt) - Date.parse(startedAt)) / 60_000);
  const end = timeOnDate(resolvedAt, utcDate(startedAt));
  return `${start} - ${end} UTC (${minutes} ${minutes === 1 ? "minute" : "minutes"})`;
}

export interface ActionItemLine {
  title: string;
  owner: string | null;
  dueDate: string | null;
}

/** `Title - Owner: X - Due: YYYY-MM-DD`; a missing owner or due date leaves its part out. */
export function actionItemLineText(item: ActionItemLine): string {
  const owner = item.owner === null ? "" : ` - Owner: ${item.owner}`;
  const due = item.dueDate === null ? "" : ` - Due: ${item.dueDate}`;
  return `${item.title}${owner}${due}`;
}

/** Reads a line back from the right: a trailing ` - Due: <date>`, then the last ` - Owner: `. */
export function parseActionItemLine(text: string): ActionItemLine {
  let rest = text;
  let dueDate: string | null = null;
  const due = / - Due: (\d{4}-\d{2}-\d{2})$/.exec(rest);
  if (due) {
    dueDate = due[1]!;
    rest = rest.slice(0, due.index);
  }
  const at = rest.lastIndexOf(" - Owner: ");
  const owner = at < 0 ? null : rest.slice(at + " - Owner: ".length);
  return { title: at < 0 ? rest : rest.slice(0, at), owner, dueDate };
}

/** Line endings as Markdown keeps them: CRLF and a lone CR are written as LF. */
export function lf(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

const text = (value: string): PhrasingContent => ({ type: "text", value: lf(value) });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({
  type: "heading",
  depth,
  children: [text(value)],
});

function list(items: PhrasingContent[][], checked: (boolean | null)[] = []): List[] {
  if (items.length === 0) return [];
  const children = items.map((phrasing, i) => ({
    type: "listItem" as const,
    spread: false,
    checked: checked[i] ?? null,
    children: [paragraph(phrasing)],
  }));
  return [{ type: "list", ordered: false, spread: false, children }];
}

// Paragraphs break at a blank line between two lines of text; any other line break stays inside its
// paragraph (as a soft break, or a character reference for a run of them), so the text reads back as written.
function section(value: string): Paragraph[] {
  return value === ""
    ? []
    : lf(value)
        .split(/(?<=[^\n])\n\n(?=[^\n])/)
        .map((p) => paragraph([text(p)]));
}

function headerLines(record: PostmortemRecord): Paragraph {
  const { incident } = record;
  const fields: [string, string][] = [
    ["Date", utcDate(incident.startedAt)],
    ["Duration", durationText(incident.startedAt, incident.resolvedAt)],
    ["Impact", incident.impact],
    ["Severity", incident.severity],
  ];
  return paragraph(
    fields.flatMap(([label, value], i) => [
      { type: "strong", children: [text(`${label}:`)] },
      text(`${value === "" ? "" : ` ${lf(value)}`}${i < fields.length - 1 ? "\n" : ""}`),
    ]),
  );
}

function actionItemPhrasing(item: ActionItem): PhrasingContent[] {
  const line = lf(actionItemLineText(item));
  if (item.status !== "wont_do") return [text(line)];
  const rest = line.slice(lf(item.title).length);
  return [{ type: "delete", children: [text(item.title)] }, ...(rest ? [text(rest)] : [])];
}

function body(record: PostmortemRecord): Root {
  const { incident, postmortem: pm } = record;
  const date = utcDate(incident.startedAt);
  const children: RootContent[] = [
    heading(1, incident.title),
    headerLines(record),
    heading(2, Headings.timeline),
    ...list(record.timeline.map((e) => [text(`${timeOnDate(e.occurredAt, date)} - ${e.text}`)])),
    heading(2, Headings.rootCause),
    ...section(pm.rootCause),
    heading(2, Headings.contributingFactors),
    ...list(pm.contributingFactors.map((factor) => [text(factor)])),
    heading(2, Headings.detection),
    ...section(pm.detection),
    heading(2, Headings.resolution),
    ...section(pm.resolution),
    heading(2, Headings.actionItems),
    ...list(
      record.actionItems.map(actionItemPhrasing),
      record.actionItems.map((item) => item.status === "done" || item.status === "wont_do"),
    ),
    heading(2, Headings.lessons),
    heading(3, Headings.wentWell),
    ...list(pm.lessons.wentWell.map((lesson) => [text(lesson)])),
    heading(3, Headings.toImprove),
    ...list(pm.lessons.toImprove.map((lesson) => [text(lesson)])),
    heading(2, Headings.appendix),
    ...list(pm.appendix.map((link) => [{ type: "link", url: link.url, children: [text(link.title)] }])),
  ];
  return { type: "root", children };
}

const MARKDOWN_OPTIONS: Options = {
  bullet: "-",
  listItemIndent: "one",
  emphasis: "_",
  strong: "*",
  rule: "-",
  fences: true,
  extensions: [gfmToMarkdown()],
  // As in the template, a section heading sits directly on its content (and on a deeper heading);
  // the title and an empty section keep one blank line.
  join: [
    (left, right) =>
      left.type === "heading" && left.depth > 1 && (right.type !== "heading" || right.depth > left.depth)
        ? 0
        : undefined,
  ],
};

function why(node: WhyNode, itemNumber: Map<number, number>): unknown {
  return {
    text: node.text,
    actionItem: node.actionItemId === null ? null : (itemNumber.get(node.actionItemId) ?? null),
    children: node.children.map((child) => why(child, itemNumber)),
  };
}

/** The fields of an action item's line, written out only when the line alone would read back differently. */
function spelledOut(item: ActionItem): Record<string, string | null> {
  const read = parseActionItemLine(lf(actionItemLineText(item)));
  const owner = item.owner === null ? null : lf(item.owner);
  const same = read.title === lf(item.title) && read.owner === owner && read.dueDate === item.dueDate;
  return same ? {} : { title: item.title, owner: item.owner, due: item.dueDate };
}

/** The front matter: what the template has no line for, in a fixed key order (docs/TEMPLATE.md). */
export function frontMatter(record: PostmortemRecord): Record<string, unknown> {
  const { incident, postmortem: pm, meeting } = record;
  const itemNumber = new Map(record.actionItems.map((item, i) => [item.id, i + 1]));
  return {
    format: RECORD_FORMAT,
    timeZone: "UTC",
    incident: {
      key: incident.key,
      status: incident.status,
      detectedAt: incident.detectedAt,
      mitigatedAt: incident.mitigatedAt,
      customerImpact: incident.customerImpact,
      dataLoss: incident.dataLoss,
      security: incident.security,
      services: incident.services,
      tags: incident.tags,
      source: incident.source,
    },
    postmortem: {
      status: pm.status,
      // Only an editor's decision is data; the rules' decision is worked out again wherever it is read.
      required: {
        decision: pm.required.override?.decision ?? null,
        reason: pm.required.override?.reason ?? null,
      },
      summary: pm.summary,
      publishedAt: pm.publishedAt,
      closedAt: pm.closedAt,
      checklist: pm.checklist
        .filter((entry) => entry.tickedAt !== null)
        .map((entry) => ({ item: entry.item, tickedBy: entry.tickedBy, tickedAt: entry.tickedAt })),
    },
    timeline: record.timeline.map((e) => ({ kind: e.kind, author: e.author, source: e.source })),
    actionItems: record.actionItems.map((item) => ({
      status: item.status,
      type: item.type,
      priority: item.priority,
      wontDoReason: item.wontDoReason,
      externalUrl: item.externalUrl,
      completedAt: item.completedAt,
      ...spelledOut(item),
    })),
    fiveWhys: record.fiveWhys.map((root) => why(root, itemNumber)),
    meeting:
      meeting === null
        ? null
        : {
            scheduledAt: meeting.scheduledAt,
            heldAt: meeting.heldAt,
            durationMinutes: meeting.durationMinutes,
            facilitator: meeting.facilitator,
            attendees: meeting.attendees.map((a) => ({ name: a.name, email: a.email })),
            notes: Object.fromEntries(
              Object.entries(meeting.notes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
            ),
          },
  };
}

/** Only the part after the front matter: the SPEC §2 document a person reads. */
export function renderMarkdownBody(record: PostmortemRecord): string {
  return toMarkdown(body(record), MARKDOWN_OPTIONS);
}

/** The SPEC §2 document with its YAML front matter; the same record always gives the same bytes. */
export function renderMarkdown(record: PostmortemRecord): string {
  return `---\n${frontMatterYaml(frontMatter(record))}---\n\n${renderMarkdownBody(record)}`;
}

/**
 * Block scalars keep multi-line text readable, but the yaml library can write one that reads back
 * differently (a line of only spaces loses them); then every string is written quoted instead.
 */
function frontMatterYaml(data: unknown): string {
  const readable = stringify(data, { lineWidth: 0 });
  if (JSON.stringify(parse(readable)) === JSON.stringify(data)) return readable;
  return stringify(data, { lineWidth: 0, blockQuote: false });
}
