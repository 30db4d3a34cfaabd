import { lazy, Suspense, useId } from "react";
import type { ExternalTexts } from "./external.api.ts";

// The Markdown renderer (sanitised, never innerHTML) is the post-mortem editor's, loaded on demand.
const MarkdownPreview = lazy(() => import("../postmortems/markdown-preview.tsx"));

/** The public page's sections, in its order and with its headings, as Markdown. */
export function previewMarkdown(texts: ExternalTexts): string {
  const sections: [string, string][] = [
    ["What happened", texts.summary],
    ["Impact", texts.impact],
    ["Duration", texts.duration],
    ["What we are changing", texts.changes],
  ];
  return sections
    .map(([heading, body]) => `### ${heading}\n\n${body.trim() || "_Not written yet._"}`)
    .join("\n\n");
}

/** What customers will see on the public status page, from the text as typed. */
export function ExternalPreview({ texts }: { texts: ExternalTexts }) {
  const headingId = useId();
  return (
    <section className="ext-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>Preview: what customers will see</h2>
      <article className="ext-preview-page">
        <p className="ext-preview-title">{texts.title.trim() || "Untitled"}</p>
        <Suspense fallback={<p className="loading">Loading the preview…</p>}>
          <MarkdownPreview markdown={previewMarkdown(texts)} />
        </Suspense>
      </article>
    </section>
  );
}
