// The editor's words: field hints, list names, the status line, and the preview's Markdown.
import type { Draft, ListSection, TextSection } from "./draft.ts";
import type { SaveState } from "./use-autosave.ts";

export const HINTS: Record<TextSection, string> = {
  summary: "A few sentences for someone who reads nothing else: what happened, the impact, how long.",
  rootCause: "What in the system made the failure possible. Describe mechanisms and conditions, not people.",
  detection: "How the problem was noticed, and how long after it started.",
  resolution: "What brought the service back, and what was done after that.",
};

export const LISTS: Record<ListSection, { item: string; add: string; hint: string }> = {
  contributingFactors: {
    item: "Contributing factor",
    add: "Add a contributing factor",
    hint: "Conditions that made the failure likelier or worse. Enter adds the next one.",
  },
  wentWell: {
    item: "Went well",
    add: "Add something that went well",
    hint: "What helped during the response.",
  },
  toImprove: {
    item: "To improve",
    add: "Add something to improve",
    hint: "What slowed the response down or made it harder.",
  },
};

export function statusText(state: SaveState): string {
  switch (state.kind) {
    case "pending":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "conflict":
      return "Not saved: someone else changed the same sections, choose below";
    case "failed":
      return "Not saved";
    default:
      return "";
  }
}

/** The markdown shown in the preview: the draft's sections under their headings. */
export function previewMarkdown(draft: Draft): string {
  const list = (items: string[]) => items.filter((i) => i.trim()).map((i) => `- ${i.trim()}`);
  return [
    "## Summary",
    draft.summary,
    "## Root cause",
    draft.rootCause,
    "## Contributing factors",
    ...list(draft.contributingFactors),
    "## Detection",
    draft.detection,
    "## Resolution",
    draft.resolution,
    "## Lessons learned",
    "### What went well",
    ...list(draft.wentWell),
    "### What could be improved",
    ...list(draft.toImprove),
    "## Appendix",
    ...draft.appendix.filter((l) => l.title && l.url).map((l) => `- [${l.title}](${l.url})`),
  ].join("\n\n");
}
