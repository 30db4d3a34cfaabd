// Search latency: 100,000 synthetic post-mortems, a fixed mix of ~300 queries through the search verb, p50
// and p95 per database, against a plain lookup of an incident by key in the same process.
// Usage: npm run bench:search   (DATABASE_URL=postgres://… adds PostgreSQL; BENCH_INCIDENTS=10000 for a quick try;
// BENCH_REUSE=<dir> keeps the corpus between runs; BENCH_ONLY=sqlite|postgres)
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { connect, type Db } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { getIncidentRowOrThrow } from "../src/incidents/incident.repository.ts";
import { systemClock } from "../src/shared/clock.ts";
import type { Ctx } from "../src/shared/context.ts";
import { reindexAll } from "../src/search/index-incident.ts";
import { searchPostmortems } from "../src/search/search-postmortems.ts";
import type { SearchQuery } from "../src/search/search.ts";
import { random } from "./random.ts";

// Synthetic post-mortems: a seeded vocabulary of services, failure modes, lessons and actions, with section
// lengths that vary, written straight into the tables with bulk inserts.
const STEMS = [
  "checkout",
  "payments",
  "search",
  "inventory",
  "auth",
  "billing",
  "ledger",
  "catalog",
  "orders",
];
const SUFFIXES = ["api", "worker", "gateway", "db", "cache", "queue", "scheduler", "proxy", "indexer"];
const SERVICES = STEMS.flatMap((s) => SUFFIXES.map((x) => `${s}-${x}`)).concat(
  ["kafka", "redis", "postgres", "elasticsearch", "cdn", "dns", "vault", "consul"].map((s) => `${s}-cluster`),
);
const TAGS = ["database", "network", "deploy", "config", "capacity", "security", "third-party", "dns"];
const FAILURES = [
  "connection pool exhaustion",
  "an expired TLS certificate",
  "a bad configuration push",
  "a memory leak in the request handler",
  "disk pressure on the primary",
  "a thundering herd after the cache flush",
  "replication lag on the read replicas",
  "a split-brain between the two coordinators",
  "rate limit exhaustion at the upstream provider",
  "a deadlock in the migration",
  "DNS resolution timeouts",
  "a runaway cron job",
  "garbage collection pauses",
  "a noisy neighbour on the shared host",
  "an unindexed query in the nightly report",
  "a regression in the serialisation library",
  "a full inode table",
  "clock skew between the nodes",
  "a retry storm from the mobile clients",
  "a misrouted load balancer health check",
];
const SYMPTOMS = [
  "elevated error rates",
  "p99 latency above two seconds",
  "timeouts for a share of requests",
  "failed payments",
  "stale search results",
  "login failures",
  "dropped webhooks",
  "slow page loads",
  "duplicate orders",
  "missing emails",
];
const ACTIONS = [
  "Alert on connection pool saturation",
  "Automate certificate renewal",
  "Add a canary stage to the deploy pipeline",
  "Load test the checkout path before peak",
  "Document the failover runbook",
  "Cap retries with exponential backoff",
  "Add an index for the nightly report query",
  "Review capacity of the primary database",
  "Pin the serialisation library version",
  "Add synthetic monitoring for login",
  "Rehearse the database restore",
  "Rate limit the batch endpoint",
];
const LESSONS = [
  "The runbook was out of date and slowed the response",
  "Paging worked well and the right people joined quickly",
  "We lacked a dashboard for queue depth",
  "Rolling back was fast because the deploy was small",
  "Status page updates were late",
  "The on-call engineer had the access they needed",
  "Feature flags let us disable the new path quickly",
  "Nobody owned the alert thresholds",
];
const EVENTS = [
  "Alert fired for {svc}",
  "On-call acknowledged the page",
  "Incident channel opened and incident commander assigned",
  "Noticed {sym} on the dashboards",
  "Rolled back the latest deploy of {svc}",
  "Restarted {svc} pods",
  "Scaled up {svc} to absorb the load",
  "Customer support reported {sym}",
  "Identified {fail} as the likely trigger",
  "Posted an update on the status page",
  "Error rate back to baseline",
  "Confirmed recovery and closed the incident channel",
  "Failed over the database to the standby",
  "Flushed the cache for {svc}",
];

interface CorpusSize {
  incidents: number;
  timelineEntries: number;
}

const BATCH = 500;

/** Inserts `count` incidents with post-mortems, labels, timelines, factors, lessons and action items. */
async function generateCorpus(db: Db, count: number, seed = 7): Promise<CorpusSize> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Skewed picks: a few values are common, most are rare, as in a real incident history.
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(rnd() ** 2.5 * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const fill = (text: string, svc: string, sym: string, fail: string) =>
    text.replace("{svc}", svc).replace("{sym}", sym).replace("{fail}", fail);
  const start = Date.parse("2019-01-01T00:00:00Z");
  const span = Date.parse("2026-03-01T00:00:00Z") - start;
  let timelineEntries = 0;

  for (let first = 1; first <= count; first += BATCH) {
    const last = Math.min(count, first + BATCH - 1);
    await db.transaction().execute(async (trx) => {
      const incidents = [];
      const labels = [];
      const postmortems = [];
      const timeline = [];
      const factors = [];
      const lessons = [];
      const actions = [];
      for (let n = first; n <= last; n++) {
        const svc = skewed(SERVICES);
        const sym = pick(SYMPTOMS);
        const fail = skewed(FAILURES);
        const startedAt = new Date(start + Math.floor(rnd() * span)).toISOString().replace(/\.\d{3}Z$/, "Z");
        const stamp = startedAt;
        incidents.push({
          id: n,
          number: n,
          title: `${sym[0]!.toUpperCase()}${sym.slice(1)} on ${svc} caused by ${fail}`,
          severity: pick(["P1", "P2", "P2", "P3", "P3", "P3"] as const),
          status: "resolved" as const,
          startedAt,
          impact: `Customers saw ${sym} for ${between(5, 240)} minutes; about ${between(1, 60)}% of requests to ${svc} were affected.`,
          source: "manual" as const,
          createdAt: stamp,
          updatedAt: stamp,
        });
        labels.push({ incidentId: n, kind: "service" as const, value: svc });
        if (rnd() < 0.4) labels.push({ incidentId: n, kind: "service" as const, value: pick(SERVICES) });
        if (rnd() < 0.6) labels.push({ incidentId: n, kind: "tag" as const, value: pick(TAGS) });
        const status = pick(["draft", "in_review", "published", "published", "closed"] as const);
        postmortems.push({
          id: n,
          incidentId: n,
          status,
          rootCause: `The trigger was ${fail} in ${svc}. ${pick(FAILURES)} made it worse, and ${pick(SYMPTOMS)} followed downstream.`,
          resolution: `We ${pick(["rolled back", "restarted", "scaled up", "failed over", "patched"])} ${svc} and watched ${pick(SYMPTOMS)} subside.`,
          createdAt: stamp,
          updatedAt: stamp,
        });
        const entries = between(3, 16);
        for (let e = 0; e < entries; e++) {
          timeline.push({
            incidentId: n,
            occurredAt: new Date(Date.parse(startedAt) + e * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
            kind: "event" as const,
            text: fill(pick(EVENTS), rnd() < 0.7 ? svc : pick(SERVICES), pick(SYMPTOMS), fail),
            source: "manual",
            createdAt: stamp,
            updatedAt: stamp,
          });
        }
        timelineEntries += entries;
        for (let f = 0, k = between(1, 4); f < k; f++) {
          factors.push({ postmortemId: n, position: f, text: `${pick(FAILURES)} on ${pick(SERVICES)}` });
        }
        for (let l = 0, k = between(1, 4); l < k; l++) {
          lessons.push({
            postmortemId: n,
            kind: pick(["went_well", "to_improve"] as const),
            position: l,
            text: pick(LESSONS),
          });
        }
        for (let a = 0, k = between(0, 5); a < k; a++) {
          actions.push({
            postmortemId: n,
            title: `${pick(ACTIONS)} for ${pick(SERVICES)}`,
            type: "prevent" as const,
            priority: "medium" as const,
            status: "open" as const,
            position: a,
            createdAt: stamp,
            updatedAt: stamp,
          });
        }
      }
      await trx.insertInto("incidents").values(incidents).execute();
      await trx.insertInto("incidentLabels").values(dedupeLabels(labels)).execute();
      await trx.insertInto("postmortems").values(postmortems).execute();
      for (let i = 0; i < timeline.length; i += BATCH * 2) {
        await trx
          .insertInto("timelineEntries")
          .values(timeline.slice(i, i + BATCH * 2))
          .execute();
      }
      await trx.insertInto("contributingFactors").values(factors).execute();
      await trx.insertInto("lessons").values(lessons).execute();
      if (actions.length > 0) await trx.insertInto("actionItems").values(actions).execute();
    });
  }
  return { incidents: count, timelineEntries };
}

function dedupeLabels<T extends { incidentId: number; kind: string; value: string }>(labels: T[]): T[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const key = `${l.incidentId}\u0000${l.kind}\u0000${l.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const TARGET_P95_MS = 20;

interface MixQuery {
  kind: string;
  query: SearchQuery;
}

/** The fixed query mix: rare and common words, two words, phrases, prefixes, and each with filters. */
function queryMix(): MixQuery[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const rare = [
    "split-brain",
    "inode",
    "skew",
    "runaway",
    "neighbour",
    "deadlock",
    "serialisation",
    "misrouted",
  ];
  const common = ["latency", "deploy", "alert", "error", "timeouts", "database", "customers", "requests"];
  const twoWords = ["database failover", "certificate expired", "cache flush", "retry storm", "memory leak"];
  const phrases = [
    '"connection pool"',
    '"rate limit"',
    '"status page"',
    '"read replicas"',
    '"load balancer"',
  ];
  const prefixes = ["certif*", "throttl*", "replic*", "serial*", "dashb*", "garb*"];
  // Whole years (the date tokens decide alone) and ranges that start and end inside a month.
  const ranges = [
    { from: "2024-01-01", to: "2024-12-31" },
    { from: "2023-03-15", to: "2023-09-10" },
    { from: "2025-06-01T12:00:00Z" },
  ];
  const kinds: [string, () => SearchQuery][] = [
    ["word (rarer)", () => ({ q: pick(rare) })],
    ["service name", () => ({ q: pick(SERVICES) })],
    ["common word", () => ({ q: pick(common) })],
    ["two words", () => ({ q: pick(twoWords) })],
    ["phrase", () => ({ q: pick(phrases) })],
    ["prefix", () => ({ q: pick(prefixes) })],
    ["common + severity", () => ({ q: pick(common), severity: ["P1"] })],
    ["two words + service", () => ({ q: pick(twoWords), service: pick(SERVICES) })],
    [
      "word + status + tag",
      () => ({ q: pick([...common, ...rare]), status: ["published"], tag: pick(TAGS) }),
    ],
    ["common + date range", () => ({ q: pick(common), ...pick(ranges) })],
  ];
  return Array.from({ length: 300 }, (_, i) => {
    const [kind, make] = kinds[i % kinds.length]!;
    return { kind, query: make() };
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

interface Timing {
  kind: string;
  label: string;
  ms: number;
  /** This process's CPU time (user + system): what the query cost here, whatever else the machine runs. */
  cpuMs: number;
  total: number;
}

/** Runs each item once, in order, timing wall clock and this process's CPU time around each. */
async function timeEach<T>(
  items: T[],
  run: (item: T) => Promise<{ total?: number } | unknown>,
  describe: (item: T) => { kind: string; label: string },
): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const item of items) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = (await run(item)) as { total?: number };
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    timings.push({
      ...describe(item),
      ms,
      cpuMs: (used.user + used.system) / 1000,
      total: result?.total ?? 1,
    });
  }
  return timings;
}

function stats(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** Generates and indexes a corpus, unless BENCH_REUSE is set and the database already holds one. */
async function prepare(name: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  const existing = await db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (REUSE && Number(existing.n) === INCIDENTS) {
    console.log(`${name}: reusing ${INCIDENTS} incidents`);
    return;
  }
  let started = Date.now();
  const size = await generateCorpus(db, INCIDENTS);
  const generated = (Date.now() - started) / 1000;
  started = Date.now();
  await reindexAll(db);
  const indexed = (Date.now() - started) / 1000;
  console.log(
    `${name}: ${size.incidents} incidents, ${size.timelineEntries} timeline entries generated in ${generated.toFixed(0)} s, indexed in ${indexed.toFixed(0)} s`,
  );
}

async function benchOne(name: string, db: Db): Promise<void> {
  await prepare(name, db);
  const ctx: Ctx = { db, actor: { kind: "job", name: "bench" }, clock: systemClock };
  const mix = queryMix();
  const keys = mix.map((_, i) => `INC-${1 + ((i * 7919) % INCIDENTS)}`);
  const describe = (m: MixQuery) => ({ kind: m.kind, label: JSON.stringify(m.query) });
  // Warm up (statement caches, buffers) with the first 50 queries; no result is cached anywhere.
  for (const { query } of mix.slice(0, 50)) await searchPostmortems(ctx, query);
  const search = await timeEach(mix, (m) => searchPostmortems(ctx, m.query), describe);
  const lookup = await timeEach(
    keys,
    (key) => getIncidentRowOrThrow(db, key),
    () => ({ kind: "lookup", label: "" }),
  );
  const base = stats(lookup.map((t) => t.ms));
  const row = (path: string, timings: Timing[]) => {
    const wall = stats(timings.map((t) => t.ms));
    const cpu = stats(timings.map((t) => t.cpuMs));
    return {
      path,
      "p50 ms": wall.p50.toFixed(2),
      "p95 ms": wall.p95.toFixed(2),
      "cpu p50 ms": cpu.p50.toFixed(2),
      "cpu p95 ms": cpu.p95.toFixed(2),
      "p50 ×lookup": (wall.p50 / base.p50).toFixed(0),
    };
  };
  const kinds = [...new Set(mix.map((m) => m.kind))];
  console.table([
    row(`searchPostmortems (${mix.length} queries)`, search),
    ...kinds.map((kind) =>
      row(
        `  ${kind}`,
        search.filter((t) => t.kind === kind),
      ),
    ),
    row("baseline: incident row by key", lookup),
  ]);
  const { p50, p95 } = stats(search.map((t) => t.ms));
  const cpu = stats(search.map((t) => t.cpuMs));
  console.log(
    `${name}: search p95 ${p95.toFixed(1)} ms wall, ${cpu.p95.toFixed(1)} ms CPU in this process ` +
      `(target ≤ ${TARGET_P95_MS} ms): ${p95 <= TARGET_P95_MS ? "PASS" : "MISS"}; ` +
      `p50 is ${(p50 / base.p50).toFixed(0)}× the key lookup; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const slowest = [...search].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(
    `${name}: slowest queries: ${slowest.map((t) => `${t.label} ${t.ms.toFixed(1)} ms (${t.total} hits)`).join("; ")}`,
  );
}

// BENCH_REUSE=<dir> keeps the corpus between runs (SQLite file in <dir>, a named PostgreSQL schema) and skips
// generating it when it is already there; each run is still a fresh process with nothing cached.
const REUSE = process.env.BENCH_REUSE;

async function sqlite(): Promise<void> {
  const dir = REUSE ?? (await mkdtemp(join(tmpdir(), "hindsight-search-")));
  const db = connect({ dialect: "sqlite", file: join(dir, `search-${INCIDENTS}.db`) });
  try {
    await benchOne("SQLite", db);
  } finally {
    await db.destroy();
    if (!REUSE) await rm(dir, { recursive: true, force: true });
  }
}

async function postgres(url: string): Promise<void> {
  const schema = REUSE ? `bench_search_${INCIDENTS}` : `bench_search_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  const db = connect({ dialect: "postgres", url, searchPath: schema, poolSize: 2 });
  try {
    await benchOne("PostgreSQL", db);
  } finally {
    await db.destroy();
    if (!REUSE) await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

if (process.env.BENCH_ONLY !== "postgres") await sqlite();
if (process.env.DATABASE_URL && process.env.BENCH_ONLY !== "sqlite") await postgres(process.env.DATABASE_URL);
else console.log("PostgreSQL: skipped (set DATABASE_URL)");
