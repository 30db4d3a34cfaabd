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

/** A model being built from the corpus read under `stamp`. */
interface Build {
  stamp: string;
  corpus: Promise<SimilarCorpus>;
  controller: AbortController;
}

// The build under way per database, registered before its corpus is read: requests that arrive meanwhile wait
// for it, and a build for newer text stops the older one at its next pause.
const building = new WeakMap<object, Build>();

/**
 * Starts the model for `stamp`, in slices so the server answers other requests meanwhile (see
 * buildCorpusModelInSlices); the cache keeps it only while no newer build has started. The waiters of a build
 * that a newer one stopped get the newer one's model.
 */
function startBuild(
  db: object,
  stamp: string,
  loaded: ReturnType<typeof loadSimilarityCorpus>,
  cache: StampedCache<SimilarCorpus>,
): Build {
  building.get(db)?.controller.abort(new Superseded());
  const controller = new AbortController();
  const build: Build = {
    stamp,
    controller,
    corpus: loaded
      .then(async ({ documents, listings }) => {
        const model = await buildCorpusModelInSlices(documents, { signal: controller.signal });
        const corpus = { model, listings };
        if (building.get(db) === build) cache.set(stamp, 0, corpus);
        return corpus;
      })
      .catch((error: unknown) => {
        const newer = building.get(db);
        if (error instanceof Superseded && newer && newer !== build) return newer.corpus;
        throw error;
      })
      .finally(() => {
        if (building.get(db) === build) building.delete(db);
      }),
  };
  // Whoever waits sees a failure; none waiting (the reader itself failed) is not an unhandled rejection.
  build.corpus.catch(() => undefined);
  building.set(db, build);
  return build;
}

class Superseded extends Error {
  constructor() {
    super("a build for newer text started");
  }
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
    if (cached) return { id, corpus: Promise.resolve(cached) };
    const pending = building.get(ctx.db);
    if (pending?.stamp === stamp) return { id, corpus: pending.corpus };
    // Read inside the transaction (one snapshot), analysed outside it: on SQLite it holds the write lock.
    const loading = loadSimilarityCorpus(trx);
    const build = startBuild(ctx.db, stamp, loading, cache);
    await loading;
    return { id, corpus: build.corpus };
  });
  const corpus = await read.corpus;
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
