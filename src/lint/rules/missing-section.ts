import { isEmpty, sectionOf } from "../action-items.ts";
import { hitAtLine, type Hit, type Rule } from "../rule.ts";
import type { SectionKind } from "../sections.ts";

const REQUIRED: { kinds: SectionKind[]; name: string; what: string }[] = [
  { kinds: ["rootCause", "contributingFactors"], name: "Root Cause", what: "what made the failure possible" },
  { kinds: ["detection"], name: "Detection", what: "how the problem was noticed and how long that took" },
  { kinds: ["resolution"], name: "Resolution", what: "what brought the service back" },
  { kinds: ["actionItems"], name: "Action Items", what: "the changes that will stop it happening again" },
  {
    kinds: ["lessons", "wentWell", "toImprove"],
    name: "Lessons Learned",
    what: "what went well and what to improve",
  },
];

/** `missing-section`: a required template section (root cause, detection, resolution, action items, lessons) absent or empty. */
export const missingSection: Rule = {
  id: "missing-section",
  suggestion: null,
  check({ doc }) {
    if (!doc.hasTemplate) return [];
    const hits: Hit[] = [];
    const titleLine = doc.blocks.find((b) => b.kind === "heading")?.line ?? 1;
    for (const { kinds, name, what } of REQUIRED) {
      const present = kinds.map((kind) => sectionOf(doc, kind)).filter((s) => s !== undefined);
      if (present.length === 0) {
        hits.push(hitAtLine(titleLine, `No “${name}” section: add one that says ${what}`));
      } else if (present.every((section) => isEmpty(doc, section))) {
        hits.push(hitAtLine(present[0]!.line, `The “${present[0]!.title}” section is empty: say ${what}`));
      }
    }
    return hits;
  },
};
