import { Feed } from "feed";
import type { Publication } from "./publications.ts";
import { FEED_PATH, LIST_PATH, reportPath, reportSectionsHtml } from "./render-pages.ts";

// Characters XML 1.0 forbids; one in a title would make the whole feed unreadable.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text for an Atom `type="html"` element: escaped, so it reads as written; no `]]>` can end its CDATA. */
function htmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The Atom feed of the publications (newest first); ids and links absolute under `origin`. */
export function renderFeed(publications: readonly Publication[], origin: string, now: Date): string {
  const newest = publications.reduce<string | undefined>(
    (latest, p) => (latest === undefined || p.updatedAt > latest ? p.updatedAt : latest),
    undefined,
  );
  const feed = new Feed({
    id: `${origin}${LIST_PATH}`,
    title: "Incident reports",
    description: "Published incident reports: what happened, the impact, and what we are changing.",
    link: `${origin}${LIST_PATH}`,
    feedLinks: { atom: `${origin}${FEED_PATH}` },
    language: "en",
    updated: newest ? new Date(newest) : now,
    generator: false,
  });
  for (const publication of publications) {
    const link = `${origin}${reportPath(publication.slug)}`;
    feed.addItem({
      title: htmlText(publication.title),
      id: link,
      link,
      date: new Date(publication.updatedAt),
      published: new Date(publication.publishedAt),
      // Rendered from sanitized hast; `]]>` would end the CDATA section it is written into.
      content: xmlSafe(reportSectionsHtml(publication)).replaceAll("]]>", "]]&gt;"),
    });
  }
  return feed.atom1();
}
