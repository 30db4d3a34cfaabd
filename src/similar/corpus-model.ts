import { conceptsIn } from "./concepts.ts";
import { tokenize, type Token } from "./tokenize.ts";

export const SimilarityFields = [
  "title",
  "impact",
  "rootCause",
  "contributingFactors",
  "summary",
  "detection",
  "resolution",
  "timeline",
  "lessons",
] as const;
export type SimilarityField = (typeof SimilarityFields)[number];

/** The text of one incident that similarity reads, by field. */
export interface SimilarityDocument {
  id: number;
  fields: Record<SimilarityField, string>;
}

// How much a word counts by where it is written: a title names the kind of incident; the summary, how it
// was detected and how it was resolved (not in SPEC §5's list, but often the only prose an imported document
// has) and the lessons learned (which name the weak spot again, in other words) tell the story around it;
// the timeline's entries, many and terse, count least.
export const FIELD_WEIGHTS: Record<SimilarityField, number> = {
  title: 3,
  rootCause: 2,
  contributingFactors: 1.5,
  impact: 1.5,
  summary: 1,
  detection: 1,
  resolution: 1,
  timeline: 0.5,
  lessons: 1,
};

/** A sparse unit vector: term ids with their weights. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** The corpus once analysed: term statistics, one vector per document and an inverted index. */
export interface CorpusModel {
  ids: number[];
  /** Document id → position in `ids`. */
  positions: Map<number, number>;
  vectors: Vector[];
  /** Term id → the documents that use it (positions) and their weights there. */
  postings: { docs: Int32Array; weights: Float64Array }[];
  /** Term id → the word most often written for it, or the name of a concept. */
  surfaces: string[];
}

export interface SimilarMatch {
  id: number;
  /** Cosine similarity over the query's strongest terms, 0..1. */
  score: number;
  /** The words and kinds of failure (concepts.ts) that contribute most to the score, best first. */
  sharedTerms: string[];
}

// Smoothed, so a word in every document still counts a little and a word in none divides by nothing.
const idf = (documents: number, frequency: number) => Math.log((1 + documents) / (1 + frequency)) + 1;

/** Builds a corpus: gives each stem an id and keeps, per id, the document frequency and shown word. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly #ofToken = new Map<Token, number>();
  readonly df: number[] = [];
  readonly #surfaceCounts = new Map<Token, number>();

  idOf(token: Token): number {
    let id = this.#ofToken.get(token);
    if (id === undefined) {
      id = this.ids.get(token.stem);
      if (id === undefined) {
        this.ids.set(token.stem, (id = this.df.length));
        this.df.push(0);
      }
      this.#ofToken.set(token, id);
    }
    return id;
  }

  written(token: Token, count: number): void {
    this.#surfaceCounts.set(token, (this.#surfaceCounts.get(token) ?? 0) + count);
  }

  /** Per id, the word written most often for its stem (ties: alphabetical). */
  surfaces(): string[] {
    const best: (Token | undefined)[] = [];
    const counts = this.#surfaceCounts;
    for (const [token, count] of counts) {
      const id = this.idOf(token);
      const current = best[id];
      const currentCount = current ? counts.get(current)! : 0;
      if (count > currentCount || (count === currentCount && token.surface < current!.surface))
        best[id] = token;
    }
    return best.map((token) => token!.surface);
  }
}

// A concept (concepts.ts) counts almost as much as a word: it lets "TLS handshake" meet "certificate
// expired", and, named by many words, it is in more documents, so its idf keeps it below a rare word.
const CONCEPT_WEIGHT = 0.9;

/**
 * Term frequencies of one document by term id: sublinear within each field (a word repeated in a long
 * summary does not drown the title), then weighted by field and added up.
 */
function termFrequencies(doc: SimilarityDocument, vocabulary: Vocabulary): Map<number, number> {
  const tf = new Map<number, number>();
  for (const field of SimilarityFields) {
    if (!doc.fields[field]) continue;
    // Tokens are shared objects, one per word as written, so they are counted by identity.
    const counts = new Map<Token, number>();
    const tokens = tokenize(doc.fields[field]);
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const byTerm = new Map<number, number>();
    for (const [token, count] of counts) {
      const id = vocabulary.idOf(token);
      byTerm.set(id, (byTerm.get(id) ?? 0) + count);
      vocabulary.written(token, count);
    }
    for (const [id, count] of byTerm)
      tf.set(id, (tf.get(id) ?? 0) + FIELD_WEIGHTS[field] * Math.log1p(count));
    const concepts = new Map<number, number>();
    for (const concept of conceptsIn(tokens)) {
      const id = vocabulary.idOf(concept);
      concepts.set(id, (concepts.get(id) ?? 0) + 1);
      vocabulary.written(concept, 1);
    }
    for (const [id, count] of concepts)
      tf.set(id, (tf.get(id) ?? 0) + CONCEPT_WEIGHT * FIELD_WEIGHTS[field] * Math.log1p(count));
  }
  for (const id of tf.keys()) vocabulary.df[id]! += 1;
  return tf;
}

/**
 * Analyses a corpus step by step: TF-IDF vectors (field-weighted, sublinear tf, smoothed idf), unit length.
 * It yields after each document it reads, weighs or indexes, so a caller can pause between them.
 */
function* analyse(documents: readonly SimilarityDocument[]): Generator<void, CorpusModel> {
  const vocabulary = new Vocabulary();
  const frequencies: Map<number, number>[] = [];
  for (const doc of documents) {
    frequencies.push(termFrequencies(doc, vocabulary));
    yield;
  }
  const { df } = vocabulary;
  const vectors: Vector[] = [];
  for (const tf of frequencies) {
    const terms = Int32Array.from(tf.keys());
    const weights = Float64Array.from(tf.values());
    let norm = 0;
    for (let i = 0; i < terms.length; i++) {
      weights[i]! *= idf(documents.length, df[terms[i]!]!);
      norm += weights[i]! * weights[i]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    vectors.push({ terms, weights });
    yield;
  }
  const postings = df.map((count) => ({ docs: new Int32Array(count), weights: new Float64Array(count) }));
  const filled = new Int32Array(df.length);
  for (let position = 0; position < vectors.length; position++) {
    const { terms, weights } = vectors[position]!;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const slot = filled[term]!++;
      postings[term]!.docs[slot] = position;
      postings[term]!.weights[slot] = weights[i]!;
    }
    yield;
  }
  return {
    ids: documents.map((doc) => doc.id),
    positions: new Map(documents.map((doc, position) => [doc.id, position])),
    vectors,
    postings,
    surfaces: vocabulary.surfaces(),
  };
}

/** Analyses a corpus at once (see analyse). */
export function buildCorpusModel(documents: readonly SimilarityDocument[]): CorpusModel {
  const steps = analyse(documents);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the analysis runs before it lets the server answer other requests. */
export const SLICE_MS = 15;

/**
 * Analyses a corpus in slices of about `sliceMs`, pausing between them for whatever else waits on the event
 * loop: at 10,000 post-mortems the analysis takes ~3 s, which would otherwise stall every request the server
 * holds. The result is the same as buildCorpusModel's; once `signal` aborts, it stops at the next pause.
 */
export async function buildCorpusModelInSlices(
  documents: readonly SimilarityDocument[],
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<CorpusModel> {
  const { sliceMs = SLICE_MS, signal } = options;
  signal?.throwIfAborted();
  const steps = analyse(documents);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

const MAX_SHARED_TERMS = 8;

function sharedTerms(model: CorpusModel, query: Map<number, number>, other: Vector): string[] {
  const contributions: [number, number][] = [];
  other.terms.forEach((term, i) => {
    const weight = query.get(term);
    if (weight !== undefined) contributions.push([term, weight * other.weights[i]!]);
  });
  contributions.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  const words = new Set(contributions.map(([term]) => model.surfaces[term]!));
  return [...words].slice(0, MAX_SHARED_TERMS);
}

// A long post-mortem (a timeline of hundreds of entries) asks with its strongest terms only, as "more like
// this" search engines do: its many weak words otherwise pull it toward whatever else is long, and each term
// asked costs one walk over its postings.
export const QUERY_TERMS = 100;

/** The vector's strongest `QUERY_TERMS` terms (all of them when it has fewer). */
function strongestTerms(vector: Vector): Vector {
  if (vector.terms.length <= QUERY_TERMS) return vector;
  const kept = [...vector.weights.keys()]
    .sort((a, b) => vector.weights[b]! - vector.weights[a]! || a - b)
    .slice(0, QUERY_TERMS);
  return {
    terms: Int32Array.from(kept, (i) => vector.terms[i]!),
    weights: Float64Array.from(kept, (i) => vector.weights[i]!),
  };
}

/**
 * The documents most similar to one in the model, best first, never itself; none that share no term. The
 * score is the cosine between the others and the document's strongest terms (QUERY_TERMS).
 */
export function mostSimilar(model: CorpusModel, id: number, limit: number): SimilarMatch[] {
  const position = model.positions.get(id);
  if (position === undefined) return [];
  const query = strongestTerms(model.vectors[position]!);
  const scores = new Float64Array(model.ids.length);
  query.terms.forEach((term, i) => {
    const { docs, weights } = model.postings[term]!;
    const w = query.weights[i]!;
    for (let k = 0; k < docs.length; k++) scores[docs[k]!]! += w * weights[k]!;
  });
  scores[position] = 0;
  const queryWeights = new Map<number, number>();
  query.terms.forEach((term, i) => queryWeights.set(term, query.weights[i]!));
  return topPositions(scores, limit).map((other) => ({
    id: model.ids[other]!,
    score: Math.min(1, scores[other]!),
    sharedTerms: sharedTerms(model, queryWeights, model.vectors[other]!),
  }));
}

/** Positions of the highest positive scores, best first (ties: lower position first). */
function topPositions(scores: Float64Array, limit: number): number[] {
  const top: number[] = [];
  const better = (p: number, q: number) => scores[p]! > scores[q]! || (scores[p] === scores[q] && p < q);
  for (let p = 0; p < scores.length; p++) {
    if (scores[p]! <= 0 || (top.length === limit && !better(p, top[limit - 1]!))) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && better(p, top[i - 1]!)) i--;
    top.splice(i, 0, p);
    if (top.length > limit) top.pop();
  }
  return top;
}
