import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";

// GitHub's rules, minus images (nothing on a public page loads from elsewhere) and task checkboxes.
const SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter(
    (tag) => !["img", "picture", "source", "input"].includes(tag),
  ),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

const HEADING = /^h([1-6])$/;

/** Headings inside a text sit below the page's own h1 and section h2s. */
function demoteHeadings(nodes: readonly RootContent[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type !== "element") return node;
    const level = HEADING.exec(node.tagName)?.[1];
    const tagName = level ? `h${Math.min(6, Math.max(3, Number(level) + 2))}` : node.tagName;
    return { ...node, tagName, children: demoteHeadings(node.children) as ElementContent[] } as Element;
  });
}

/** Markdown written for customers as inert HTML: raw HTML in it stays text, unsafe links and images go. */
export function markdownToHast(markdown: string): ElementContent[] {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const clean = sanitize(toHast(mdast) as HastRoot, SCHEMA) as HastRoot;
  return demoteHeadings(clean.children) as ElementContent[];
}
