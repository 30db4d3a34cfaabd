import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Other teams' real post-mortems beside the project (../shared/corpus, see its README). Tests over it skip
 * on a laptop without it; in CI a missing corpus is a failure.
 */
export const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus");
export const corpusPresent = existsSync(join(CORPUS, "manifest.json"));
if (!corpusPresent && process.env.CI === "true") throw new Error(`the corpus is missing at ${CORPUS}`);

/** The manifest's documents, with the fields a test reads (none when the corpus is absent). */
export function corpusManifest<Document extends { id: string; file: string }>(): Document[] {
  if (!corpusPresent) return [];
  return (JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as { documents: Document[] })
    .documents;
}

/** A document's Markdown, as published. */
export const readCorpusDocument = (file: string) => readFileSync(join(CORPUS, file), "utf8");

/** Import options per document: MoJ's log is in London time by the team's convention; DFDS states its zone. */
export const corpusImportOptions = (id: string) => ({
  defaultZone: id.startsWith("moj/") ? "Europe/London" : null,
});
