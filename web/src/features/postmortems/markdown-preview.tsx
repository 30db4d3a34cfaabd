// Loaded only when someone opens the preview: the Markdown parser stays out of the editor's chunk.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { sanitize } from "hast-util-sanitize";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import { createElement, Fragment, useMemo, type ReactNode } from "react";

/**
 * Markdown as a safe tree: raw HTML is dropped by mdast-util-to-hast, then hast-util-sanitize keeps only
 * GitHub's allow-list of elements, attributes and URL schemes (no script, no event handlers, no
 * `javascript:` links, no styles).
 */
export function safeTree(markdown: string): Root {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return sanitize(toHast(mdast)) as Root;
}

function propName(name: string): string {
  if (/^(aria|data)[A-Z]/.test(name)) return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return name;
}

function element(node: Element, key: number): ReactNode {
  // Images would load from other sites, which the page's CSP refuses: show their text instead.
  if (node.tagName === "img") return String(node.properties.alt ?? "");
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.properties)) {
    if (value === null || value === undefined || value === false) continue;
    props[propName(name)] = Array.isArray(value) ? value.join(" ") : value;
  }
  if (node.tagName === "input") props.readOnly = true;
  if (node.tagName === "a") props.rel = "noopener noreferrer nofollow";
  return createElement(node.tagName, props, ...children(node.children));
}

function children(nodes: (RootContent | ElementContent)[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return node.value;
    if (node.type === "element") return element(node, i);
    return null;
  });
}

/** React elements for a sanitised tree: never innerHTML. */
export function renderTree(tree: Root): ReactNode {
  return createElement(Fragment, null, ...children(tree.children));
}

/** The draft rendered as readers will see it: Markdown through the sanitiser. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const rendered = useMemo(() => renderTree(safeTree(markdown)), [markdown]);
  return <div className="pm-preview">{rendered}</div>;
}

export default MarkdownPreview;
