import type { List, ListItem, RootContent, Table } from "mdast";
import type { LineMessage } from "../parse-template.ts";
import { lineOf } from "./sections.ts";
import { blocksText, inlineText, ownText } from "./text.ts";
import { readWhen, type Precision, type WhenContext } from "./when.ts";
import type { StatedZone } from "./zone.ts";

export interface TimelineRow {
  occurredAt: string;
  precision: Precision;
  text: string;
  line: number;
  /** A label that introduced the time: "First detected" in "First detected 2023-01-11 14:22". */
  label: string | null;
  /** A bold marker opening the text: "Detection" in "**Detection:** we received alerts". */
  marker: string | null;
  /** The date and time as the document wrote them, for messages the author can find. */
  written: string;
  /** Whether the time carried its own zone ("14:02 UTC", "…+01:00"). */
  ownZone: boolean;
}

export interface TimelineReader {
  zone: StatedZone | null;
  /** The date a time-only value belongs to; moves on with every dated entry. */
  date: string | null;
  errors: LineMessage[];
  warnings: LineMessage[];
  /** In a section named as a timeline, a line opening with four digits ("0930 Review held") is a time. */
  strict?: boolean;
}

const SEPARATOR = /^\s*(?:[-–—|:]\s*|\s)/;
const KEY_EVENT = /^([\p{L}][\p{L}\s/'’-]*?)\s*(?::\s*|\s+)(?=[~\d])/u;

function context(reader: TimelineReader): WhenContext {
  return { zone: reader.zone, date: reader.date };
}

/** Reads "time - text" (or "Label time"): the row, an error for a time that is written wrong, or null. */
function readLine(
  source: string,
  line: number,
  reader: TimelineReader,
  allowLabel: boolean,
): TimelineRow | "error" | null {
  const text = source.trim();
  let when = readWhen(text, context(reader));
  let label: string | null = null;
  let rest = "";
  let written = "";
  if (when.ok) {
    rest = text.slice(when.consumed);
    written = text.slice(0, when.consumed).trim();
  } else if (allowLabel) {
    const keyed = KEY_EVENT.exec(text);
    if (keyed) {
      const after = text.slice(keyed[0].length);
      const keyedWhen = readWhen(after, context(reader));
      // "Resolved 2023-09-25 15:55", or a time written wrong after the label ("Repaired 2025-01-14 1600").
      if (keyedWhen.ok || keyedWhen.kind === "invalid") {
        when = keyedWhen;
        label = keyed[1]!.trim();
        if (keyedWhen.ok) {
          rest = after.slice(keyedWhen.consumed);
          written = after.slice(0, keyedWhen.consumed).trim();
        }
      }
    }
  }
  if (!when.ok) {
    const fourDigits = reader.strict ? /^([01]\d|2[0-3])([0-5]\d)\s+\p{L}/u.exec(text) : null;
    if (fourDigits) {
      reader.errors.push({
        line,
        message: `${fourDigits[1]}${fourDigits[2]} is not a time: write ${fourDigits[1]}:${fourDigits[2]}`,
      });
      return "error";
    }
    // A date or time written wrong is an error; text that holds none is not an entry at all.
    if (when.kind === "invalid" || label !== null) {
      reader.errors.push({ line, message: when.message });
      return "error";
    }
    return null;
  }
  for (const note of when.notes) reader.warnings.push({ line, message: note });
  if (when.precision === "day" || when.precision === "month") {
    reader.warnings.push({
      line,
      message: `no time of day is given; the entry is stored at 00:00 UTC on ${when.at.slice(0, 10)}`,
    });
  }
  reader.date = when.localDate;
  let body = rest.replace(SEPARATOR, "").trim();
  // "14:33 OUTAGE BEGINS — …": a capitalised marker names a stage as a bold one does.
  const shout = /^([A-Z][A-Z]+(?: [A-Z]+){1,3})(?=$|[\s.:!—–-])/.exec(body);
  if (label) body = body ? `${label}: ${body}` : label;
  return {
    occurredAt: when.at,
    precision: when.precision,
    text: body,
    line,
    label,
    marker: shout ? shout[1]!.toLowerCase() : null,
    written,
    ownZone: /\b(?:UTC|GMT|Z|[A-Z]{2,4}T)\b|[+-]\d{2}:?\d{2}$|\d(?:Z)$/.test(written),
  };
}

/** The columns of a table that hold the date and time (one, or a date column and a time column) and the event. */
function columns(table: Table): { when: number[]; event: number } {
  const header = table.children[0]?.children.map((cell) => inlineText(cell.children).toLowerCase()) ?? [];
  const date = header.findIndex((name) => /\bdate\b/.test(name) && !/\btime\b/.test(name));
  const time = header.findIndex((name) => /\b(time|when|utc|timestamp)\b/.test(name));
  let when = date >= 0 && time >= 0 ? [date, time] : [time >= 0 ? time : date];
  if (when[0]! < 0) when = [0];
  let event = header.findIndex(
    (name, i) =>
      !when.includes(i) && /\b(event|description|what|action|details?|update|activity)\b/.test(name),
  );
  if (event < 0) event = header.findIndex((_, i) => !when.includes(i));
  return { when, event: Math.max(event, 0) };
}

// An author saying the date is not known ("2021/22-??-??", "unknown", "TBC") is not a mistake to correct.
const UNKNOWN = /\?\?|\bunknown\b|\btb[cd]\b|^n\/?a$/i;

function readTable(table: Table, reader: TimelineReader, notes: string[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const { when: whenColumns, event } = columns(table);
  for (const row of table.children.slice(1)) {
    const line = lineOf(row);
    const eventCell = row.children[event];
    const when = whenColumns
      .map((i) => (row.children[i] ? inlineText(row.children[i]!.children).trim() : ""))
      .filter(Boolean)
      .join(" ");
    const cells = eventCell?.children ?? [];
    const [first] = cells;
    let marker: string | null = null;
    if (first?.type === "strong") {
      const label = /^(.+?):?\s*$/.exec(inlineText(first.children).trim());
      if (
        label &&
        /:\s*$/.test(inlineText(first.children) + (cells[1]?.type === "text" ? cells[1].value[0] : ""))
      ) {
        marker = label[1]!.replace(/:$/, "");
      }
    }
    const text = inlineText(cells).trim();
    if (when === "" && text === "") continue;
    if (when === "") {
      reader.errors.push({ line, message: `this timeline row has no time: "${text.slice(0, 60)}"` });
      continue;
    }
    if (UNKNOWN.test(when) && !readWhen(when, context(reader)).ok) {
      notes.push(`${when}: ${text}`);
      reader.warnings.push({
        line,
        message: `the date "${when}" is not known, so this row cannot be placed on the timeline; it was kept in the summary`,
      });
      continue;
    }
    const read = readLine(`${when} - ${text}`, line, reader, false);
    if (read === "error") continue;
    if (read === null) {
      reader.errors.push({ line, message: `"${when}" is not a date or time` });
      continue;
    }
    rows.push({ ...read, text, marker: marker ?? read.marker });
  }
  return rows;
}

function readList(list: List, reader: TimelineReader, allowLabels: boolean, notes: string[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const item of list.children) rows.push(...readItem(item, reader, allowLabels, notes));
  return rows;
}

function readItem(
  item: ListItem,
  reader: TimelineReader,
  allowLabels: boolean,
  notes: string[],
): TimelineRow[] {
  const own = ownText(item);
  const read = readLine(own, lineOf(item), reader, allowLabels);
  const nested = item.children.filter((child): child is List => child.type === "list");
  if (read && read !== "error") {
    // Bullets under a dated entry are its details, not entries of their own.
    const details = nested.map((list) => blocksText([list])).filter(Boolean);
    if (details.length > 0) read.text = [read.text, ...details].join("\n");
    return [read];
  }
  if (read === null && own && (nested.length === 0 || !/:\s*$/.test(own))) notes.push(own);
  return nested.flatMap((list) => readList(list, reader, allowLabels, notes));
}

/**
 * Timeline entries in a section: table rows, list items ("14:02 - text", "- First detected 2023-01-11
 * 14:22"), lines of a paragraph, and time headings (`### 08:52 PM`) with the text below them. What holds no
 * time is returned in `notes`, so it is kept as text rather than lost.
 */
export function readTimelineNodes(
  nodes: readonly RootContent[],
  reader: TimelineReader,
  allowLabels: boolean,
): { rows: TimelineRow[]; notes: string[] } {
  const rows: TimelineRow[] = [];
  const notes: string[] = [];
  let heading: { row: TimelineRow; body: RootContent[] } | null = null;
  const closeHeading = () => {
    if (!heading) return;
    const body = blocksText(heading.body);
    heading.row.text = [heading.row.text, body].filter(Boolean).join("\n\n");
    if (heading.row.text === "") {
      reader.errors.push({ line: heading.row.line, message: "this timeline heading has no text under it" });
    } else rows.push(heading.row);
    heading = null;
  };
  for (const node of nodes) {
    if (node.type === "heading") {
      closeHeading();
      const text = inlineText(node.children).trim();
      const read = readLine(text, lineOf(node), reader, false);
      if (read && read !== "error") {
        // A heading that is only a date ("### March 3, 2021") sets the date for the times below it.
        if (read.text === "" && (read.precision === "day" || read.precision === "month")) {
          reader.warnings.pop();
          continue;
        }
        heading = { row: read, body: [] };
      } else if (read === null) notes.push(text);
      continue;
    }
    if (heading) {
      heading.body.push(node);
      continue;
    }
    if (node.type === "table") rows.push(...readTable(node, reader, notes));
    else if (node.type === "list") rows.push(...readList(node, reader, allowLabels, notes));
    else if (node.type === "paragraph") {
      for (const [i, text] of inlineText(node.children).split("\n").entries()) {
        const read = readLine(text, lineOf(node) + i, reader, allowLabels);
        if (read && read !== "error") rows.push(read);
        else if (read === null && text.trim()) notes.push(text.trim());
      }
    } else {
      const text = blocksText([node]);
      if (text) notes.push(text);
    }
  }
  closeHeading();
  return { rows, notes };
}

/** Entries earlier than the one before them in the same list are kept where they are, with a warning. */
export function warnOutOfOrder(rows: readonly TimelineRow[], warnings: LineMessage[]): void {
  for (let i = 1; i < rows.length; i++) {
    const [before, entry] = [rows[i - 1]!, rows[i]!];
    const coarse = entry.precision === "day" || entry.precision === "month" || before.precision === "day";
    const a = coarse ? before.occurredAt.slice(0, 10) : before.occurredAt;
    const b = coarse ? entry.occurredAt.slice(0, 10) : entry.occurredAt;
    if (b < a) {
      warnings.push({
        line: entry.line,
        message: `${entry.written} is earlier than the entry before it (line ${before.line}, ${before.written}); it is kept in the document's order`,
      });
    }
  }
}
