import type { SearchField, Snippet, SnippetFragment } from "./search.ts";

// Private-use characters mark matches inside snippet text; people do not type them.
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

/** The fields in the order they are shown, with their column in `search_documents`. */
export const SNIPPET_COLUMNS: readonly (readonly [SearchField, string])[] = [
  ["title", "title"],
  ["impact", "impact"],
  ["rootCause", "root_cause"],
  ["contributingFactors", "factors"],
  ["resolution", "resolution"],
  ["lessons", "lessons"],
  ["timeline", "timeline"],
  ["actionItems", "action_items"],
];

/** Splits marked text into plain fragments; text with no marked match gives no fragments. */
export function toFragments(marked: string | null): SnippetFragment[] {
  if (!marked || !marked.includes(MATCH_START)) return [];
  const fragments: SnippetFragment[] = [];
  let match = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part !== "") {
      const text = part.replace(/\s*\n\s*/g, " · ");
      const last = fragments.at(-1);
      if (last && last.match === match) last.text += text;
      else fragments.push({ text, match });
    }
  }
  return fragments.some((f) => f.match && f.text.trim() !== "") ? fragments : [];
}

/** One snippet per field whose marked text has a match, in display order. */
export function toSnippets(marked: Record<string, string | null>): Snippet[] {
  return SNIPPET_COLUMNS.flatMap(([field, column]) => {
    const fragments = toFragments(marked[column] ?? null);
    return fragments.length > 0 ? [{ field, fragments }] : [];
  });
}
