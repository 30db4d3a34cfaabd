import type { Element, ElementContent, Properties } from "hast";
import { toHtml } from "hast-util-to-html";
import { markdownToHast } from "./markdown.ts";
import type { Publication } from "./publications.ts";

export const LIST_PATH = "/status/postmortems";
export const FEED_PATH = `${LIST_PATH}/feed.atom`;
export const STYLE_PATH = `${LIST_PATH}/style.css`;
const SITE_TITLE = "Incident reports";

const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: "text", value });

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

function time(iso: string, withClock = false): Element {
  const date = new Date(iso);
  const label = withClock
    ? `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`
    : dateFormat.format(date);
  return el("time", { dateTime: iso }, [txt(label)]);
}

export function reportPath(slug: string): string {
  return `${LIST_PATH}/${encodeURIComponent(slug)}`;
}

function page(title: string, main: ElementContent[]): string {
  const tree = {
    type: "root" as const,
    children: [
      { type: "doctype" as const },
      el("html", { lang: "en" }, [
        el("head", {}, [
          el("meta", { charSet: "utf-8" }),
          el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          el("title", {}, [txt(title)]),
          el("link", { rel: ["stylesheet"], href: STYLE_PATH }),
          el("link", {
            rel: ["alternate"],
            type: "application/atom+xml",
            title: SITE_TITLE,
            href: FEED_PATH,
          }),
        ]),
        el("body", {}, [
          el("header", {}, [el("a", { href: LIST_PATH }, [txt(SITE_TITLE)])]),
          el("main", {}, main),
          el("footer", {}, [
            el("p", {}, [
              txt("All times are UTC. "),
              el("a", { href: FEED_PATH }, [txt("Subscribe to new reports (Atom feed)")]),
            ]),
          ]),
        ]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

/** The sections of a report: shared by its page and its feed entry. */
export function reportSections(publication: Publication): ElementContent[] {
  const sections: [string, ElementContent[]][] = [
    ["What happened", markdownToHast(publication.summary)],
    ["Impact", markdownToHast(publication.impact)],
    ["Duration", [el("p", {}, [txt(publication.duration)])]],
    ["What we are changing", markdownToHast(publication.changes)],
  ];
  return sections.flatMap(([heading, body]) => [el("h2", {}, [txt(heading)]), ...body]);
}

export function reportSectionsHtml(publication: Publication): string {
  return toHtml({ type: "root", children: reportSections(publication) });
}

/** One published report. */
export function renderReportPage(publication: Publication): string {
  const updated =
    publication.updatedAt !== publication.publishedAt
      ? [txt(" · Updated "), time(publication.updatedAt)]
      : [];
  return page(`${publication.title} · ${SITE_TITLE}`, [
    el("article", {}, [
      el("h1", {}, [txt(publication.title)]),
      el("p", { className: ["meta"] }, [
        txt("Started "),
        time(publication.incidentStartedAt, true),
        txt(" · Published "),
        time(publication.publishedAt),
        ...updated,
      ]),
      ...reportSections(publication),
    ]),
  ]);
}

/** Every published report, newest first. */
export function renderListPage(publications: readonly Publication[]): string {
  const items = publications.map((p) =>
    el("li", {}, [
      el("a", { href: reportPath(p.slug) }, [txt(p.title)]),
      el("p", { className: ["meta"] }, [txt("Started "), time(p.incidentStartedAt), txt(` · ${p.duration}`)]),
    ]),
  );
  return page(SITE_TITLE, [
    el("h1", {}, [txt(SITE_TITLE)]),
    el("p", {}, [
      txt("What went wrong, how it affected you, and what we are changing so it does not happen again."),
    ]),
    items.length > 0
      ? el("ul", { className: ["reports"] }, items)
      : el("p", {}, [txt("No incident reports have been published.")]),
  ]);
}

export function renderNotFoundPage(): string {
  return page(`Not found · ${SITE_TITLE}`, [
    el("h1", {}, [txt("No report here")]),
    el("p", {}, [
      txt("There is no published incident report at this address. It may have been withdrawn. "),
      el("a", { href: LIST_PATH }, [txt("See all incident reports")]),
      txt("."),
    ]),
  ]);
}
