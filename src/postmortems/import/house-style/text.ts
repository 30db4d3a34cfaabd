import type { List, ListItem, Nodes, PhrasingContent, RootContent } from "mdast";

/**
 * Hindsight stores post-mortem texts as plain text, so another team's Markdown is read the way a person
 * reads it: emphasis dropped, a link kept as "text (url)", inline code with its backticks, an image as its
 * alt text, a footnote reference as written, a hard break as a new line.
 */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = "";
  for (const node of nodes) out += phrasing(node);
  return out;
}

function phrasing(node: PhrasingContent): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "inlineCode":
      return `\`${node.value}\``;
    case "break":
      return "\n";
    case "html":
      return /^<br\s*\/?>$/i.test(node.value) ? "\n" : node.value;
    case "image":
      return node.alt ?? "";
    case "footnoteReference":
      return `[^${node.label ?? node.identifier}]`;
    case "link": {
      const label = inlineText(node.children).trim();
      const url = node.url;
      if (!label || label === url || `mailto:${label}` === url) return url;
      return `${label} (${url})`;
    }
    case "imageReference":
      return node.alt ?? "";
    case "linkReference":
      return inlineText(node.children);
    default:
      return "children" in node ? inlineText(node.children as PhrasingContent[]) : "";
  }
}

/** One block as readable text; nested lists as indented "- " lines, code blocks between fences. */
export function blockText(node: RootContent | Nodes, depth = 0): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "tableCell":
      return inlineText(node.children).trim();
    case "code":
      return `\`\`\`${node.lang ?? ""}\n${node.value}\n\`\`\``;
    case "blockquote":
      return node.children.map((child) => blockText(child, depth)).join("\n\n");
    case "list":
      return listText(node, depth);
    case "listItem":
      return itemText(node, depth);
    case "table":
      return node.children
        .map((row) => `| ${row.children.map((cell) => blockText(cell)).join(" | ")} |`)
        .join("\n");
    case "html":
      return node.value;
    case "thematicBreak":
    case "definition":
    case "yaml":
      return "";
    case "footnoteDefinition":
      return `[^${node.label ?? node.identifier}]: ${node.children.map((c) => blockText(c, depth)).join(" ")}`;
    default:
      return "children" in node
        ? (node.children as RootContent[]).map((child) => blockText(child, depth)).join("\n\n")
        : "";
  }
}

function listText(list: List, depth: number): string {
  const indent = "  ".repeat(depth);
  return list.children.map((item) => `${indent}- ${itemText(item, depth)}`).join("\n");
}

/** A list item's own text and, below it, its nested lists. */
export function itemText(item: ListItem, depth = 0): string {
  const parts: string[] = [];
  for (const child of item.children) {
    if (child.type === "list") parts.push(`\n${listText(child, depth + 1)}`);
    else parts.push((parts.length > 0 ? "\n" : "") + blockText(child, depth));
  }
  return parts.join("").trim();
}

/** A list item's own text without its nested lists. */
export function ownText(item: ListItem): string {
  return item.children
    .filter((child) => child.type !== "list")
    .map((child) => blockText(child))
    .join("\n")
    .trim();
}

/** The texts of several blocks, a blank line between them. */
export function blocksText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => blockText(node))
    .filter((text) => text !== "")
    .join("\n\n");
}
