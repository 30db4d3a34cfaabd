import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";

/** One answer in a five-whys tree, with the line its text is on. */
export interface LintWhy {
  text: string;
  actionItem: number | null;
  line: number;
  children: LintWhy[];
}

/**
 * What the linter needs from an exported document's front matter (docs/TEMPLATE.md), read leniently:
 * a field that is missing or of the wrong shape is simply absent (the importer reports those, not the linter).
 */
export interface LintFrontMatter {
  line: number;
  status: string | null;
  statusLine: number;
  timeZone: string | null;
  /** Absent key: undefined; `meeting: null`: null. */
  meeting: { heldAt: string | null; attendees: number; line: number } | null | undefined;
  fiveWhys: LintWhy[];
  priorities: (string | null)[];
}

function readWhys(node: unknown, lineAt: (n: Node) => number): LintWhy[] {
  if (!isSeq(node)) return [];
  const whys: LintWhy[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const text = item.get("text");
    const actionItem = item.get("actionItem");
    const textNode = item.get("text", true) as Node | undefined;
    whys.push({
      text: typeof text === "string" ? text : "",
      actionItem: typeof actionItem === "number" ? actionItem : null,
      line: lineAt(textNode ?? item),
      children: readWhys(item.get("children", true), lineAt),
    });
  }
  return whys;
}

/** Reads the YAML block that starts on `firstLine` (the line after the opening `---`). */
export function readLintFrontMatter(yamlText: string, firstLine: number): LintFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lineAt = (node: Node) => firstLine + lineCounter.linePos(node.range?.[0] ?? 0).line - 1;
  const result: LintFrontMatter = {
    line: firstLine - 1,
    status: null,
    statusLine: firstLine - 1,
    timeZone: null,
    meeting: undefined,
    fiveWhys: [],
    priorities: [],
  };
  if (doc.errors.length > 0 || !isMap(doc.contents)) return result;
  const root = doc.contents;
  const timeZone = root.get("timeZone");
  if (typeof timeZone === "string") result.timeZone = timeZone;
  const postmortem = root.get("postmortem", true);
  if (isMap(postmortem)) {
    const status = postmortem.get("status", true) as Node | undefined;
    const value = postmortem.get("status");
    if (typeof value === "string" && status) {
      result.status = value;
      result.statusLine = lineAt(status);
    }
  }
  if (root.has("meeting")) {
    const meeting = root.get("meeting", true);
    if (isMap(meeting)) {
      const heldAt = meeting.get("heldAt");
      const attendees = meeting.get("attendees", true);
      result.meeting = {
        heldAt: typeof heldAt === "string" ? heldAt : null,
        attendees: isSeq(attendees) ? attendees.items.length : 0,
        line: lineAt(meeting),
      };
    } else {
      result.meeting = null;
    }
  }
  result.fiveWhys = readWhys(root.get("fiveWhys", true), lineAt);
  const items = root.get("actionItems", true);
  if (isSeq(items)) {
    result.priorities = items.items.map((item) => {
      const priority = isMap(item) ? item.get("priority") : null;
      return typeof priority === "string" ? priority : null;
    });
  }
  return result;
}
