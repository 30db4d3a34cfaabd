import type { Executor } from "../db/connect.ts";
import type { Severity } from "../incidents/incident.ts";
import type { PostmortemStatus } from "../postmortems/postmortem.ts";
import type { SimilarityDocument } from "./corpus-model.ts";

/** What a similar incident shows besides its score. */
export interface Listing {
  number: number;
  title: string;
  severity: Severity;
  startedAt: string;
  postmortemStatus: PostmortemStatus;
}

/**
 * Changes whenever a text similarity reads may have changed: every write to an incident or post-mortem
 * raises its version (so the sum grows even within one second), every write to a timeline its incident's
 * timeline revision, added or removed rows change a count or the last id (contributing factors and lessons
 * are replaced by new rows), and a restored backup its times.
 */
export async function readCorpusStamp(db: Executor): Promise<string> {
  const versioned = (table: "incidents" | "postmortems") =>
    db
      .selectFrom(table)
      .select((eb) => [
        eb.fn.countAll().as("count"),
        eb.fn.max("id").as("lastId"),
        eb.fn.sum("version").as("versions"),
        eb.fn.max("updatedAt").as("updatedAt"),
      ])
      .executeTakeFirstOrThrow();
  const replaced = (table: "contributingFactors" | "lessons") =>
    db
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll().as("count"), eb.fn.max("id").as("lastId")])
      .executeTakeFirstOrThrow();
  const [incidents, timelines, postmortems, factors, lessons] = await Promise.all([
    versioned("incidents"),
    db
      .selectFrom("incidents")
      .select((eb) => eb.fn.sum("timelineRevision").as("revisions"))
      .executeTakeFirstOrThrow(),
    versioned("postmortems"),
    replaced("contributingFactors"),
    replaced("lessons"),
  ]);
  return JSON.stringify(
    [incidents, timelines, postmortems, factors, lessons].map((row) => Object.values(row).map(String)),
  );
}

/** The text of every incident and its post-mortem, as similarity reads it, and what a result shows. */
export async function loadSimilarityCorpus(
  db: Executor,
): Promise<{ documents: SimilarityDocument[]; listings: Map<number, Listing> }> {
  const [incidents, postmortems, factors, lessons, entries] = await Promise.all([
    db
      .selectFrom("incidents")
      .select(["id", "number", "title", "impact", "severity", "startedAt"])
      .orderBy("id")
      .execute(),
    db
      .selectFrom("postmortems")
      .select(["id", "incidentId", "status", "summary", "rootCause", "detection", "resolution"])
      .execute(),
    db
      .selectFrom("contributingFactors")
      .select(["postmortemId", "text"])
      .orderBy("postmortemId")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("lessons")
      .select(["postmortemId", "text"])
      .orderBy("postmortemId")
      .orderBy("kind")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("timelineEntries")
      .select(["incidentId", "text"])
      .orderBy("incidentId")
      .orderBy("occurredAt")
      .orderBy("id")
      .execute(),
  ]);
  const factorTexts = group(factors.map(({ postmortemId, text }) => [postmortemId, text]));
  const lessonTexts = group(lessons.map(({ postmortemId, text }) => [postmortemId, text]));
  const timelineTexts = group(entries.map(({ incidentId, text }) => [incidentId, text]));
  const byIncident = new Map(postmortems.map((pm) => [pm.incidentId, pm]));
  const documents: SimilarityDocument[] = [];
  const listings = new Map<number, Listing>();
  for (const incident of incidents) {
    const pm = byIncident.get(incident.id);
    if (!pm) continue;
    documents.push({
      id: incident.id,
      fields: {
        title: incident.title,
        impact: incident.impact,
        rootCause: pm.rootCause,
        contributingFactors: (factorTexts.get(pm.id) ?? []).join("\n"),
        summary: pm.summary,
        detection: pm.detection,
        resolution: pm.resolution,
        timeline: (timelineTexts.get(incident.id) ?? []).join("\n"),
        lessons: (lessonTexts.get(pm.id) ?? []).join("\n"),
      },
    });
    const { number, title, severity, startedAt } = incident;
    listings.set(incident.id, { number, title, severity, startedAt, postmortemStatus: pm.status });
  }
  return { documents, listings };
}

/** Texts by owner id, in the order given. */
function group(rows: [number, string][]): Map<number, string[]> {
  const texts = new Map<number, string[]>();
  for (const [owner, text] of rows) {
    const list = texts.get(owner);
    if (list) list.push(text);
    else texts.set(owner, [text]);
  }
  return texts;
}
