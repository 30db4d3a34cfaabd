/** The sections of SPEC §2, plus the ones other teams' templates add, under the names teams give them. */
export const SECTION_KINDS = [
  "summary",
  "impact",
  "timeline",
  "rootCause",
  "contributingFactors",
  "detection",
  "resolution",
  "actionItems",
  "lessons",
  "wentWell",
  "toImprove",
  "appendix",
  "meeting",
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const ALIASES: [SectionKind, RegExp][] = [
  ["summary", /^(incident )?(summary|overview|description|what happened|background)$/],
  ["impact", /^(customer |business )?impact$/],
  ["timeline", /^(incident )?timeline\b|^(key events|sequence of events|chronology)$/],
  [
    "rootCause",
    /^(the )?(root causes?|causes?|root cause analysis|what caused (it|this|the (incident|outage))|why it happened)$/,
  ],
  ["contributingFactors", /^(contributing (factors?|causes)|factors|contributors|findings)$/],
  [
    "detection",
    /^(detection|how (it|this) was (detected|found|noticed)|identified|identification|discovery)$/,
  ],
  ["resolution", /^(resolution|recovery|remediation|mitigation|fix|how (it|this) was (fixed|resolved))$/],
  [
    "actionItems",
    /^((corrective |follow[ -]?up |review |preventive |remediation )?action(s| items?)|follow[ -]?ups?|next steps|todos?|to dos?)$/,
  ],
  ["lessons", /^(lessons( learn(ed|t))?|learnings|what we learn(ed|t)|takeaways|retrospective)$/],
  ["wentWell", /^(what went well|things that went well|went well)$/],
  [
    "toImprove",
    /^(what (could|can|should) (be|have been|we) improved?|what went (wrong|badly)|where we got lucky|to improve)$/,
  ],
  ["appendix", /^(appendix|links|references|supporting information)$/],
  ["meeting", /^(at+en+d+e+s+|participants|review meeting|meeting|people involved|attendance)$/],
];

/** Lower case, no markup, no parenthesised note ("Timeline (UTC)"), no trailing colon. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[*_`:.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Which template section a heading (or a bold label) names, or null. */
export function sectionKind(title: string): SectionKind | null {
  const normal = normaliseTitle(title);
  for (const [kind, pattern] of ALIASES) if (pattern.test(normal)) return kind;
  return null;
}
