import { sectionOf } from "../action-items.ts";
import type { LintDocument } from "../document.ts";
import { hitAtLine, type Hit, type Rule } from "../rule.ts";

const ENTRY_TIME =
  /^\s*(?:~|ca\.?\s*|approx\.?\s*)?(?:(\d{4,5})-(\d{2})-(\d{2})(?:[ T]+|,\s*))?(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z\b|UTC\b|GMT\b|[+-]\d{2}:?\d{2}\b|[A-Z]{3,4}\b)?/;
const DATE_ONLY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const UTC = /\b(UTC|GMT|Zulu)\b|\(Z\)/;
const OTHER_ZONE =
  /\b(CET|CEST|BST|WET|WEST|EET|EEST|PST|PDT|MST|MDT|CST|CDT|EST|EDT|IST|JST|AEST|AEDT|local time|london time|[A-Z][a-z]+\/[A-Z][a-z_]+)\b/;

interface Entry {
  line: number;
  /** The time cell or the bullet's text. */
  text: string;
  /** A row or bullet that only carries a date: it sets the day for the entries below it. */
  dateOnly: boolean;
}

function entriesOf(
  doc: LintDocument,
): { entries: Entry[]; preamble: { line: number; text: string }[] } | null {
  const section = sectionOf(doc, "timeline");
  if (!section) return null;
  const entries: Entry[] = [];
  const preamble: { line: number; text: string }[] = [];
  const rows = new Map<number, string[]>();
  for (const block of section.blocks) {
    const text = doc.textOf(block).trim();
    if (block.kind === "cell") {
      const cells = rows.get(block.line) ?? [];
      cells.push(text);
      rows.set(block.line, cells);
    } else if (block.kind === "item" && block.depth === 0) {
      entries.push({ line: block.line, text, dateOnly: DATE_ONLY.test(text) });
    } else if (block.kind === "paragraph" && entries.length === 0 && rows.size === 0) {
      preamble.push({ line: block.line, text });
    }
  }
  for (const [line, cells] of rows) {
    const [time = "", ...rest] = cells;
    entries.push({ line, text: time, dateOnly: rest.every((c) => c === "") && DATE_ONLY.test(time) });
  }
  entries.sort((a, b) => a.line - b.line);
  return { entries, preamble };
}

/** `timeline`: timeline entries without a time, out of order, or not in UTC. */
export const timeline: Rule = {
  id: "timeline",
  suggestion: null,
  check({ doc }) {
    if (!doc.hasTemplate) return [];
    const section = sectionOf(doc, "timeline");
    const found = entriesOf(doc);
    if (!section || !found || found.entries.length === 0) return [];
    const hits: Hit[] = [];
    const stated = [{ line: section.line, text: section.title }, ...found.preamble];
    const utc = doc.frontMatter?.timeZone === "UTC" || stated.some((s) => UTC.test(s.text));
    const other = stated.find((s) => OTHER_ZONE.test(s.text));
    if (!utc && other) {
      const zone = OTHER_ZONE.exec(other.text)![0];
      hits.push(
        hitAtLine(
          other.line,
          `Timeline times are in ${zone}: write them in UTC so everyone reads the same clock`,
        ),
      );
    } else if (!utc) {
      hits.push(
        hitAtLine(
          section.line,
          "The timeline does not say its time zone: write times in UTC and say so (“Timeline (UTC)”)",
        ),
      );
    }
    let day = "";
    let last: { key: string; line: number; shown: string } | null = null;
    for (const entry of found.entries) {
      if (entry.dateOnly) {
        day = entry.text.trim();
        continue;
      }
      const match = ENTRY_TIME.exec(entry.text);
      if (!match) {
        hits.push(hitAtLine(entry.line, "Timeline entry has no time: start it with HH:MM (UTC)"));
        continue;
      }
      const [, y, mo, d, h, mi, s, zone] = match;
      if (zone && !/^(Z|UTC|GMT|[+-]00:?00)$/.test(zone) && OTHER_ZONE.test(zone)) {
        hits.push(hitAtLine(entry.line, `Timeline entry is in ${zone}, not UTC`));
      }
      if (y) day = `${y}-${mo}-${d}`;
      const key = `${day} ${h!.padStart(2, "0")}:${mi}:${s ?? "00"}`;
      const shown = match[0].trim().replace(/\s+/g, " ");
      if (last && key < last.key) {
        hits.push(
          hitAtLine(
            entry.line,
            `Timeline entry at ${shown} comes after ${last.shown}: entries must be in time order (an entry after midnight carries its date)`,
          ),
        );
      }
      last = { key, line: entry.line, shown };
    }
    return hits;
  },
};
