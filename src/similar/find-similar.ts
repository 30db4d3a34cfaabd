import { getIncidentStampsOrThrow } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import type { Ctx } from "../shared/context.ts";
import { stampedCacheFor, type StampedCache } from "../shared/stamped-cache.ts";
import { parseInput } from "../shared/validate.ts";
import { buildCorpusModelInSlices, mostSimilar, type CorpusModel } from "./corpus-model.ts";
import { SimilarQuery, type SimilarIncidents, type SimilarOptions } from "./similar.ts";
import { loadSimilarityCorpus, readCorpusStamp, type Listing } from "./similarity-corpus.repository.ts";

interface SimilarCorpus {
  model: CorpusModel;
  /** Incident id → what a result shows of it. */
  listings: Map<number, Listing>;
}

// The builds under way, by database and stamp: requests that arrive meanwhile wait for the same one.
const building = new WeakMap<object, Map<string, Promise<SimilarCorpus>>>();

/**
 * Analyses the corpus read under `stamp` (outside the read transaction: on SQLite it holds the write lock, and
 * the data is already read), in slices so other requests are answered meanwhile, once however many ask.
 */
function build(
  db: object,
  stamp: string,
  loaded: Awaited<ReturnType<typeof loadSimilarityCorpus>>,
  cache: StampedCache<SimilarCorpus>,
): Promise<SimilarCorpus> {
  let builds = building.get(db);
  if (!builds) building.set(db, (builds = new Map()));
  let pending = builds.get(stamp);
  if (!pending) {
    pending = buildCorpusModelInSlices(loaded.documents)
      .then((model) => {
        const corpus = { model, listings: loaded.listings };
        cache.set(stamp, 0, corpus);
        return corpus;
      })
      .finally(() => builds.delete(stamp));
    builds.set(stamp, pending);
  }
  return pending;
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
    const ready = cache.get(stamp, 0) ?? building.get(ctx.db)?.get(stamp);
    return { id, stamp, ready, loaded: ready ? undefined : await loadSimilarityCorpus(trx) };
  });
  const corpus = await (read.ready ?? build(ctx.db, read.stamp, read.loaded!, cache));
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
