// Linter speed and quality: Hindsight against alex on the same ≥ 1 MB of real post-mortems (the corpus
// concatenated and repeated), the median time for one ~3,000-word post-mortem, and the dev-set scores.
// alex needs over a minute for the megabyte, so it is timed once by default (BENCH_ALEX_RUNS to change).
// Usage: npm run bench:lint   (BENCH_RUNS=1 npm run bench:lint for a quicker try)
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { markdown as alexMarkdown } from "alex";
import { glob } from "tinyglobby";
import { defaultConfig } from "../src/lint/config.ts";
import { scoreDevSet } from "../src/lint/evaluate.ts";
import { lintMarkdown } from "../src/lint/lint.ts";

const SHARED = resolve(import.meta.dirname, "..", "..", "shared");
const CORPUS = resolve(SHARED, "corpus");
const DEV_SET = resolve(SHARED, "lint-dev-set.jsonl");
const MIN_BYTES = 1024 * 1024;
const DOCUMENT_WORDS = 3_000;
const THROUGHPUT_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ALEX_RUNS = Number(process.env.BENCH_ALEX_RUNS ?? 1);
const DOCUMENT_RUNS = Math.max(30, Number(process.env.BENCH_DOCUMENT_RUNS ?? 50));
const TARGETS = { ratio: 10, mbPerSecond: 1.5, documentMs: 50 };

const config = defaultConfig();
const hindsight = (text: string) => lintMarkdown(text, config).length;
const alex = (text: string) => alexMarkdown(text).messages.length;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mark = (ok: boolean) => (ok ? "meets" : "MISSES");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function fail(message: string): never {
  console.error(`bench:lint: ${message}`);
  process.exit(1);
}

async function corpusDocuments(): Promise<string[]> {
  if (!existsSync(CORPUS))
    fail(`the corpus is missing: expected ${CORPUS} (../shared/corpus beside the repository)`);
  const files = (await glob("**/*.md", { cwd: CORPUS, absolute: true })).sort();
  if (files.length === 0) fail(`no *.md documents in ${CORPUS}`);
  return files.map((file) => readFileSync(file, "utf8"));
}

/** Milliseconds for `work(text)`, the median of `runs` timed runs. */
function time(work: (text: string) => number, text: string, runs: number): { ms: number; findings: number } {
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = work(text);
    times.push(performance.now() - start);
  }
  return { ms: median(times), findings };
}

/** One long post-mortem: whole corpus documents, front matter dropped, until it has 3,000 words. */
function oneLongPostmortem(documents: string[]): string {
  const parts: string[] = [];
  let count = 0;
  for (const document of documents) {
    const body = document.replace(/^---\n[\s\S]*?\n---\n/, "");
    parts.push(body);
    count += words(body);
    if (count >= DOCUMENT_WORDS) break;
  }
  return parts.join("\n\n");
}

const documents = await corpusDocuments();
const corpus = documents.join("\n\n");
const copies = Math.ceil(MIN_BYTES / Buffer.byteLength(corpus));
const big = Array.from({ length: copies }, () => corpus).join("\n\n");
const megabytes = Buffer.byteLength(big) / 1024 / 1024;

console.log(`Corpus: ${documents.length} documents, ${(Buffer.byteLength(corpus) / 1024).toFixed(0)} KB`);
console.log(
  `Throughput text: ${copies} copies, ${megabytes.toFixed(2)} MB; median of ${THROUGHPUT_RUNS} runs ` +
    `(alex: ${ALEX_RUNS}); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);

// Warm up both on the corpus once, so neither pays for compiling its code in the timed runs.
hindsight(corpus);
alex(corpus);

const ours = time(hindsight, big, THROUGHPUT_RUNS);
const theirs = time(alex, big, ALEX_RUNS);
const oursMbs = megabytes / (ours.ms / 1000);
const theirsMbs = megabytes / (theirs.ms / 1000);
const ratio = oursMbs / theirsMbs;
// The megabyte repeats the corpus, and a linter may reuse its work on a sentence it has seen in the same
// run; the corpus once, one document at a time, shows the speed on text that never repeats.
const corpusMegabytes = Buffer.byteLength(corpus) / 1024 / 1024;
const eachDocument = (work: (text: string) => number) => () =>
  documents.reduce((sum, document) => sum + work(document), 0);
const oursOnce = time(eachDocument(hindsight), "", THROUGHPUT_RUNS);
const theirsOnce = time(eachDocument(alex), "", ALEX_RUNS);
const row = (name: string, t: { ms: number; findings: number }, mb: number) =>
  `| ${name} | ${(t.ms / 1000).toFixed(2)} s | ${(mb / (t.ms / 1000)).toFixed(2)} | ${t.findings} |`;
console.log("");
console.log("| linter, text | time | MB/s | messages |");
console.log("|---|---|---|---|");
console.log(row("Hindsight, the megabyte", ours, megabytes));
console.log(row("alex 11, the megabyte", theirs, megabytes));
console.log(row("Hindsight, corpus once, per document", oursOnce, corpusMegabytes));
console.log(row("alex 11, corpus once, per document", theirsOnce, corpusMegabytes));
console.log("");
console.log(`Ratio: ${ratio.toFixed(1)}× alex (target ≥ ${TARGETS.ratio}×: ${mark(ratio >= TARGETS.ratio)})`);
console.log(`Ratio on the corpus once, per document: ${(theirsOnce.ms / oursOnce.ms).toFixed(1)}× alex`);
console.log(
  `Hindsight throughput: ${oursMbs.toFixed(2)} MB/s (target ≥ ${TARGETS.mbPerSecond} MB/s: ${mark(oursMbs >= TARGETS.mbPerSecond)})`,
);

const postmortem = oneLongPostmortem(documents);
for (let i = 0; i < 5; i++) hindsight(postmortem);
const single = time(hindsight, postmortem, DOCUMENT_RUNS);
console.log(
  `One post-mortem (${words(postmortem)} words, ${(Buffer.byteLength(postmortem) / 1024).toFixed(0)} KB): ` +
    `median ${single.ms.toFixed(1)} ms over ${DOCUMENT_RUNS} runs ` +
    `(target < ${TARGETS.documentMs} ms: ${mark(single.ms < TARGETS.documentMs)})`,
);

if (!existsSync(DEV_SET)) fail(`the dev set is missing: expected ${DEV_SET}`);
const lines = readFileSync(DEV_SET, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { text: string; labels: string[] });
const score = scoreDevSet(lines, config);
const TARGET_QUALITY = {
  blame: { precision: 0.95, recall: 0.9 },
  shallow: { precision: 0.9, recall: 0.8 },
  vague_action: { precision: 0.9, recall: 0.8 },
} as const;
console.log("");
console.log(`Dev set (${lines.length} lines, lint-dev-set.md scoring):`);
console.log("| label | tp | fp | fn | precision | recall | target |");
console.log("|---|---|---|---|---|---|---|");
for (const [label, s] of Object.entries(score.byLabel)) {
  const target = TARGET_QUALITY[label as keyof typeof TARGET_QUALITY];
  const ok = s.precision >= target.precision && s.recall >= target.recall;
  console.log(
    `| ${label} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ` +
      `P ≥ ${target.precision}, R ≥ ${target.recall}: ${mark(ok)} |`,
  );
}
console.log(
  `none flagged: ${score.noneFlagged}/${score.noneTotal} = ${(score.share * 100).toFixed(1)} % ` +
    `(target ≤ 3 %: ${mark(score.share <= 0.03)})`,
);
