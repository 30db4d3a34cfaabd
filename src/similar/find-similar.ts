import { getIncidentStampsOrThrow } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import type { Ctx } from "../shared/context.ts";
import { stampedCacheFor } from "../shared/stamped-cache.ts";
import { parseInput } from "../shared/validate.ts";
import { buildCorpusModel, mostSimilar, type CorpusModel } from "./corpus-model.ts";
import { SimilarQuery, type SimilarIncidents, type SimilarOptions } from "./similar.ts";
import { loadSimilarityCorpus, readCorpusStamp, type Listing } from "./similarity-corpus.repository.ts";

interface SimilarCorpus {
  model: CorpusModel;
  /** Incident id → what a result shows of it. */
  listings: Map<number, Listing>;
}

/**
 * The incidents whose title, impact, post-mortem (root cause, contributing factors, summary, detection,
 * resolution, lessons) and timeline read most like this one's, in words or in the kinds of failure they name, best
 * first, never itself; every edit is seen by the next call.
 */
export async function findSimilar(
  ctx: Ctx,
  key: string,
  options: SimilarOptions = {},
): Promise<SimilarIncidents> {
  const { limit } = parseInput(SimilarQuery, options);
  const cache = stampedCacheFor<SimilarCorpus>(ctx.db, "similar-corpus", 1);
  const read = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await getIncidentStampsOrThrow(trx, key);
    const stamp = await readCorpusStamp(trx);
    const cached = cache.get(stamp, 0);
    return { id, stamp, cached, loaded: cached ? undefined : await loadSimilarityCorpus(trx) };
  });
  let corpus = read.cached;
  if (!corpus) {
    // Built outside the transaction: on SQLite it holds the write lock, and the data is already read.
    const { documents, listings } = read.loaded!;
    corpus = { model: buildCorpusModel(documents), listings };
    cache.set(read.stamp, 0, corpus);
  }
  const items = mostSimilar(corpus.model, read.id, limit).map((match) => {
    const { number, ...listing } = corpus.listings.get(match.id)!;
    return {
      incidentKey: formatIncidentKey(number),
      ...listing,
      score: Math.round(match.score * 1000) / 1000,
      sharedTerms: match.sharedTerms,
    };
  });
  return { items };
}
