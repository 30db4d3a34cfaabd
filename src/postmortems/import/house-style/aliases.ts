/**
 * The section names other teams use for the parts of a post-mortem. Matching ignores case, punctuation,
 * a trailing colon and a parenthesis ("Contributing Factors (findings)", "Timeline (UTC)"), and forgives one
 * typo in a name of six letters or more ("Atendees").
 */
export type SectionKey =
  | "summary"
  | "impact"
  | "timeline"
  | "keyEvents"
  | "rootCause"
  | "contributingFactors"
  | "detection"
  | "resolution"
  | "actionItems"
  | "lessons"
  | "wentWell"
  | "toImprove"
  | "attendees"
  | "stats"
  | "appendix"
  | "severity"
  | "date"
  | "duration"
  | "fiveWhys";

const ALIASES: Record<SectionKey, string[]> = {
  summary: [
    "summary",
    "incident summary",
    "executive summary",
    "overview",
    "what happened",
    "description",
    "tldr",
    "tl dr",
  ],
  impact: ["impact", "customer impact", "user impact", "business impact", "impact and severity"],
  timeline: [
    "timeline",
    "incident timeline",
    "timeline of events",
    "chronology",
    "sequence of events",
    "events",
  ],
  keyEvents: ["key events", "key timestamps", "key times"],
  rootCause: [
    "root cause",
    "root causes",
    "cause",
    "causes",
    "root cause analysis",
    "rca",
    "why it happened",
  ],
  contributingFactors: [
    "contributing factors",
    "contributing factor",
    "contributing causes",
    "findings",
    "factors",
    "trigger and contributing factors",
  ],
  detection: ["detection", "identified", "how it was detected", "how was it detected", "discovery"],
  resolution: [
    "resolution",
    "recovery",
    "mitigation",
    "resolution and recovery",
    "remediation",
    "fix",
    "how it was fixed",
  ],
  actionItems: [
    "action items",
    "action item",
    "actions",
    "review actions",
    "follow up",
    "follow ups",
    "follow up actions",
    "follow up items",
    "follow up tasks",
    "follow ups and action items",
    "tasks",
    "next steps",
    "corrective actions",
    "action plan",
    "todo",
    "to do",
  ],
  lessons: ["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "what we learned"],
  wentWell: ["what went well", "things that went well", "went well"],
  toImprove: [
    "what could be improved",
    "what went wrong",
    "things that went wrong",
    "what could have gone better",
    "what didnt go well",
    "what did not go well",
    "what didnt go so well",
    "what did not go so well",
    "what went badly",
    "what could have been better",
    "where we got lucky",
    "to improve",
    "improvements",
  ],
  attendees: ["attendees", "participants", "people", "present", "review attendees"],
  stats: ["stats", "statistics", "metrics", "key metrics", "numbers"],
  appendix: ["appendix", "links", "references", "supporting information", "resources"],
  severity: ["severity", "sev", "priority", "incident severity"],
  date: ["date", "incident date", "when"],
  duration: ["duration", "incident duration", "outage duration"],
  fiveWhys: ["five whys", "5 whys", "why analysis", "5 whys analysis", "five whys analysis"],
};

/** Lower case, no punctuation, no parenthesis, single spaces: "Contributing Factors (findings):" → "contributing factors". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const EXACT = new Map<string, SectionKey>();
for (const [key, names] of Object.entries(ALIASES) as [SectionKey, string[]][]) {
  for (const name of names) EXACT.set(name, key);
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The part of a post-mortem a heading or bold label names, or null for a name Hindsight has no place for. */
export function sectionKey(name: string): SectionKey | null {
  const normal = normaliseName(name);
  if (normal === "") return null;
  const exact = EXACT.get(normal);
  if (exact) return exact;
  if (normal.length < 6) return null;
  for (const [alias, key] of EXACT) {
    if (alias.length >= 6 && withinOneEdit(alias, normal)) return key;
  }
  return null;
}

export type Metric =
  "detection" | "recovery" | "repair" | "resolve" | "mitigation" | "acknowledge" | "duration";

/** The duration a label names: "Time to detection" → detection, "TTR" → recovery; null for anything else. */
export function metricOf(label: string): Metric | null {
  const l = normaliseName(label);
  if (/^(time to detect(ion)?|ttd|mttd|detection time)$/.test(l)) return "detection";
  if (/^(time to recover(y)?|ttr|mttr|recovery time|time to restore)$/.test(l)) return "recovery";
  if (/^(time to repair|repair time)$/.test(l)) return "repair";
  if (/^(time to resolve|time to resolution|resolution time)$/.test(l)) return "resolve";
  if (/^(time to mitigate|time to mitigation|mitigation time)$/.test(l)) return "mitigation";
  if (/^(time to acknowledge|tta|mtta)$/.test(l)) return "acknowledge";
  if (/^(duration|total duration|outage duration|incident duration|downtime)$/.test(l)) return "duration";
  return null;
}
