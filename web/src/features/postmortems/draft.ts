// What the editor holds while someone types, and how it meets the stored post-mortem: the changes an
// autosave sends, and the three-way rebase after a 412 that keeps every typed word.
import type { AppendixLink, Postmortem, UpdatePostmortemInput } from "../../api/types.ts";

export const TEXT_SECTIONS = ["summary", "rootCause", "detection", "resolution"] as const;
export const LIST_SECTIONS = ["contributingFactors", "wentWell", "toImprove"] as const;

export type TextSection = (typeof TEXT_SECTIONS)[number];
export type ListSection = (typeof LIST_SECTIONS)[number];
export type SectionKey = TextSection | ListSection | "appendix";

export const SECTION_KEYS: readonly SectionKey[] = [
  "summary",
  "rootCause",
  "contributingFactors",
  "detection",
  "resolution",
  "wentWell",
  "toImprove",
  "appendix",
];

/** The visible label of each section's field, also its accessible name. */
export const SECTION_LABELS: Record<SectionKey, string> = {
  summary: "Summary",
  rootCause: "Root cause",
  contributingFactors: "Contributing factors",
  detection: "Detection",
  resolution: "Resolution",
  wentWell: "What went well",
  toImprove: "What could be improved",
  appendix: "Appendix links",
};

export interface Draft {
  summary: string;
  rootCause: string;
  detection: string;
  resolution: string;
  contributingFactors: string[];
  wentWell: string[];
  toImprove: string[];
  appendix: AppendixLink[];
}

export type SectionValue = string | string[] | AppendixLink[];

/** Someone else's value of a section that both of you changed, waiting for the writer's choice. */
export type Conflicts = Partial<Record<SectionKey, SectionValue>>;

export function draftOf(pm: Postmortem): Draft {
  return {
    summary: pm.summary,
    rootCause: pm.rootCause,
    detection: pm.detection,
    resolution: pm.resolution,
    contributingFactors: [...pm.contributingFactors],
    wentWell: [...pm.lessons.wentWell],
    toImprove: [...pm.lessons.toImprove],
    appendix: pm.appendix.map((link) => ({ ...link })),
  };
}

/** A link the server accepts: a title and an http(s) address. Others stay on screen, unsaved. */
export function isCompleteLink(link: AppendixLink): boolean {
  if (!link.title.trim() || !/^https?:\/\/\S+$/i.test(link.url.trim())) return false;
  try {
    new URL(link.url.trim());
    return true;
  } catch {
    return false;
  }
}

/** A section as the server stores it: list items trimmed, empty items and unfinished links left out. */
export function normalized(key: SectionKey, value: SectionValue): SectionValue {
  if (key === "appendix") {
    return (value as AppendixLink[])
      .filter(isCompleteLink)
      .map((link) => ({ title: link.title.trim(), url: link.url.trim() }));
  }
  if (Array.isArray(value)) return (value as string[]).map((item) => item.trim()).filter(Boolean);
  return value;
}

export function sameSection(key: SectionKey, a: SectionValue, b: SectionValue): boolean {
  return JSON.stringify(normalized(key, a)) === JSON.stringify(normalized(key, b));
}

/** The sections whose text differs from what was stored, skipping those `skip` names. */
export function changedSections(base: Draft, draft: Draft, skip: Conflicts = {}): SectionKey[] {
  return SECTION_KEYS.filter((key) => !(key in skip) && !sameSection(key, base[key], draft[key]));
}

/** The PATCH body for the sections that changed; lists are sent whole, as the API replaces them. */
export function changesOf(base: Draft, draft: Draft, skip: Conflicts = {}): UpdatePostmortemInput {
  const body: UpdatePostmortemInput = {};
  for (const key of changedSections(base, draft, skip)) {
    const value = normalized(key, draft[key]);
    if (key === "wentWell" || key === "toImprove") {
      body.lessons = { ...body.lessons, [key]: value as string[] };
    } else if (key === "contributingFactors") body.contributingFactors = value as string[];
    else if (key === "appendix") body.appendix = value as AppendixLink[];
    else body[key] = value as string;
  }
  return body;
}

export interface Rebased {
  /** The draft on top of their version: their sections where you changed nothing, yours elsewhere. */
  draft: Draft;
  /** Sections both changed, differently: their value, to show beside yours. */
  conflicts: Conflicts;
}

/**
 * Three-way rebase after a stale save: `read` is what your edits started from, `theirs` the latest.
 * A section only they changed takes their text; one only you changed keeps yours; one both changed
 * keeps yours in the draft and their value in `conflicts`. Your text is never dropped.
 */
export function rebase(read: Draft, mine: Draft, theirs: Draft, pending: Conflicts = {}): Rebased {
  const draft = { ...mine };
  const conflicts: Conflicts = {};
  for (const key of SECTION_KEYS) {
    const mineChanged = !sameSection(key, read[key], mine[key]);
    const theirsChanged = !sameSection(key, read[key], theirs[key]);
    if (!mineChanged) {
      (draft as Record<SectionKey, SectionValue>)[key] = theirs[key];
    } else if (sameSection(key, mine[key], theirs[key])) {
      // Both wrote the same: nothing to choose.
    } else if (theirsChanged || key in pending) {
      conflicts[key] = theirs[key];
    }
  }
  return { draft, conflicts };
}

/** Their paragraphs, then yours that they do not have: a starting point the writer then edits. */
export function mergeText(mine: string, theirs: string): string {
  const paragraphs = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  const theirParagraphs = paragraphs(theirs);
  const extra = paragraphs(mine).filter((p) => !theirParagraphs.includes(p));
  return [...theirParagraphs, ...extra].join("\n\n");
}

/** Their items, then yours that they do not have. */
export function mergeList<T>(mine: T[], theirs: T[]): T[] {
  const seen = new Set(theirs.map((item) => JSON.stringify(item)));
  return [...theirs, ...mine.filter((item) => !seen.has(JSON.stringify(item)))];
}
