// Similar incidents: analysing 10,000 post-mortems at once (the baseline) against analysing them in slices, as
// the server does, in the same process. Prints each one's wall time and the longest the event loop was held
// (what every other request waiting on this server would wait), and one query's time on the built model.
// Usage: npm run bench:similar   (BENCH_DOCUMENTS=2000 for a quick try)
import { inventedPostmortems } from "../src/similar/__fixtures__/invented-postmortems.ts";
import {
  buildCorpusModel,
  buildCorpusModelInSlices,
  mostSimilar,
  type CorpusModel,
  type SimilarityDocument,
} from "../src/similar/corpus-model.ts";
import { random } from "./random.ts";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const TARGET_STALL_MS = 100;

/**
 * Post-mortems stitched from the invented ones' sentences, with service names and a timeline of 5-30 entries
 * each, so the vocabulary and the lengths vary as in a real library.
 */
function generate(count: number): SimilarityDocument[] {
  const rnd = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const services = Array.from(
    { length: 400 },
    (_, i) => `svc${i.toString(36)}-${pick(["api", "worker", "db"])}`,
  );
  const sentences = inventedPostmortems.flatMap((pm) => [
    pm.title,
    pm.impact,
    pm.rootCause,
    pm.summary,
    ...pm.contributingFactors,
  ]);
  const prose = (n: number) =>
    Array.from({ length: n }, () => `${pick(sentences)} (${pick(services)})`).join(" ");
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    fields: {
      title: `${pick(inventedPostmortems).title} on ${pick(services)}`,
      impact: prose(1),
      rootCause: prose(2),
      contributingFactors: prose(2),
      summary: prose(2),
      detection: prose(1),
      resolution: prose(1),
      timeline: Array.from({ length: 5 + Math.floor(rnd() * 26) }, () => prose(1)).join("\n"),
      lessons: prose(1),
    },
  }));
}

/**
 * Runs `build` and reports its wall time and the longest gap between the ticks of a 5 ms timer meanwhile
 * (something else the server would be doing): how long the build held the event loop at most.
 */
async function measure(build: () => CorpusModel | Promise<CorpusModel>) {
  let last = performance.now();
  let longest = 0;
  const other = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 20));
  longest = 0;
  const started = performance.now();
  const model = await build();
  const ms = performance.now() - started;
  // Let the timer tick once more, so a stall that ended with the build is counted.
  await new Promise((resolve) => setTimeout(resolve, 10));
  clearInterval(other);
  return { model, ms, stallMs: longest };
}

const documents = generate(DOCUMENTS);
// Warm up the tokeniser and the JIT on a slice of the corpus.
buildCorpusModel(documents.slice(0, 500));
const once = await measure(() => buildCorpusModel(documents));
const sliced = await measure(() => buildCorpusModelInSlices(documents));
const queries = Array.from({ length: 200 }, (_, i) => 1 + ((i * 7919) % DOCUMENTS));
const started = performance.now();
for (const id of queries) mostSimilar(sliced.model, id, 5);
const queryMs = (performance.now() - started) / queries.length;

console.table([
  { build: "at once (baseline)", "wall ms": once.ms.toFixed(0), "longest stall ms": once.stallMs.toFixed(0) },
  {
    build: "in slices (server)",
    "wall ms": sliced.ms.toFixed(0),
    "longest stall ms": sliced.stallMs.toFixed(0),
  },
]);
console.log(
  `similar: ${DOCUMENTS} documents; slices take ${(sliced.ms / once.ms).toFixed(2)}× the wall time of one build, ` +
    `and hold the event loop ${(sliced.stallMs / once.stallMs).toFixed(3)}× as long at most ` +
    `(${sliced.stallMs.toFixed(0)} ms, target ≤ ${TARGET_STALL_MS} ms: ${sliced.stallMs <= TARGET_STALL_MS ? "PASS" : "MISS"}); ` +
    `a query takes ${queryMs.toFixed(2)} ms`,
);
