import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Nodes, PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import type { PostmortemRecord } from "./postmortem-record.ts";
import { RECORD_FORMAT } from "./postmortem-record.ts";
import { renderMarkdownBody } from "./render-markdown.ts";

// One file that prints well: no fonts, images or scripts from anywhere, links printed with their address.
const STYLE = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
p, li { white-space: pre-line; overflow-wrap: anywhere; }
ul { padding-left: 1.4rem; }
li.task-list-item { list-style: none; }
li.task-list-item input { margin: 0 .4rem 0 -1.3rem; }
del { color: #59636e; }
a { color: #0969da; }
table.meta { border-collapse: collapse; margin: 0 0 1.5rem; font-size: .9rem; }
table.meta th, table.meta td { border: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
table.meta th { background: #f6f8fa; font-weight: 600; }
footer { margin-top: 3rem; font-size: .8rem; color: #59636e; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: underline; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
  table.meta th { background: none; }
}
`;

const SAFE_URL = /^(https?:|mailto:)/i;

/** Link targets other than http(s) and mailto become plain text, whatever the stored data says. */
function withSafeLinks(node: Nodes): Nodes {
  if (!("children" in node)) return node;
  const children = node.children.flatMap((child): Nodes[] => {
    if (child.type === "link" && !SAFE_URL.test(child.url.trim())) {
      return child.children.map((c) => withSafeLinks(c) as PhrasingContent);
    }
    return [withSafeLinks(child)];
  });
  return { ...node, children } as Nodes;
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

const txt = (value: string): ElementContent => ({ type: "text", value });
const yesNo = (flag: boolean) => (flag ? "yes" : "no");

function metadataTable(record: PostmortemRecord): Element {
  const { incident, postmortem, meeting } = record;
  const rows: [string, string][] = [
    ["Incident", incident.key],
    ["Severity", incident.severity],
    ["Incident status", incident.status],
    ["Post-mortem status", postmortem.status],
    ["Started (UTC)", incident.startedAt],
    ["Resolved (UTC)", incident.resolvedAt ?? "not yet"],
    ["Services", incident.services.join(", ") || "none"],
    ["Tags", incident.tags.join(", ") || "none"],
    [
      "Customer impact / data loss / security",
      [incident.customerImpact, incident.dataLoss, incident.security].map(yesNo).join(" / "),
    ],
    ["Review meeting", meeting?.heldAt ? `held ${meeting.heldAt}` : "not held"],
  ];
  return el("table", { className: ["meta"] }, [
    el(
      "tbody",
      {},
      rows.map(([label, value]) =>
        el("tr", {}, [el("th", { scope: "row" }, [txt(label)]), el("td", {}, [txt(value)])]),
      ),
    ),
  ]);
}

/** The exported Markdown body as HTML: user text stays text (no raw HTML passes), unsafe links are dropped. */
export function renderBodyHtml(markdown: string): HastRoot {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return toHast(withSafeLinks(tree) as Root) as HastRoot;
}

/** A single self-contained HTML5 page of the post-mortem, with a print stylesheet and a metadata table. */
export function renderHtml(record: PostmortemRecord): string {
  const body = renderBodyHtml(renderMarkdownBody(record));
  const content = body.children as ElementContent[];
  const titleAt = content.findIndex((node) => node.type === "element" && node.tagName === "h1");
  const article = [
    ...content.slice(0, titleAt + 1),
    txt("\n"),
    metadataTable(record),
    ...content.slice(titleAt + 1),
  ];
  const page: HastContent[] = [
    { type: "doctype" },
    el("html", { lang: "en" }, [
      el("head", {}, [
        el("meta", { charSet: "utf-8" }, []),
        el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }, []),
        el("title", {}, [txt(`${record.incident.key}: ${record.incident.title}`)]),
        el("style", {}, [txt(STYLE)]),
      ]),
      el("body", {}, [
        el("article", {}, article),
        el("footer", {}, [txt(`Exported from Hindsight (${RECORD_FORMAT}); all times are UTC.`)]),
      ]),
    ]),
  ];
  return `${toHtml({ type: "root", children: page })}\n`;
}
