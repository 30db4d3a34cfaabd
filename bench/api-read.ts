// Read throughput of the real API against a bare Fastify baseline serving the same JSON bodies.
// Both servers run in this process; autocannon fires from a worker thread so it does not share their event loop.
// Usage: npm run bench   (BENCH_SECONDS=2 npm run bench for a quick try)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Insertable } from "kysely";
import { connect, type Db } from "../src/db/connect.ts";
import type { TimelineEntriesTable } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { buildApp } from "../src/server/app.ts";
import { systemClock } from "../src/shared/clock.ts";
import { toUtcIso } from "../src/shared/time.ts";
import { createApiToken } from "../src/users/api-tokens.ts";
import { createUser } from "../src/users/manage-users.ts";

const INCIDENTS = 1_000;
const ENTRIES_PER_INCIDENT = 50;
const KEYS_PER_ROUTE = 100;
const CONNECTIONS = 10;
const ROUNDS = 2;
const TARGET_RATIO = 0.6;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const ROUTES = [
  { name: "GET /api/v1/incidents/{key}", path: (key: string) => `/api/v1/incidents/${key}` },
  {
    name: "GET /api/v1/incidents/{key}/timeline",
    path: (key: string) => `/api/v1/incidents/${key}/timeline`,
  },
];

const KINDS = ["event", "action", "decision", "observation", "alert", "communication"] as const;
const SEVERITIES = ["P1", "P2", "P3"] as const;
const STATUSES = ["open", "mitigated", "resolved"] as const;

type EntrySeed = Pick<Insertable<TimelineEntriesTable>, "incidentId" | "occurredAt" | "kind" | "text">;

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Incidents with their draft post-mortems, one service label and 50 timeline entries each, in one transaction. */
async function seed(db: Db, userId: number): Promise<void> {
  const base = Date.parse("2026-01-01T00:00:00Z");
  await db.transaction().execute(async (trx) => {
    for (let first = 1; first <= INCIDENTS; first += 250) {
      const ids = Array.from({ length: Math.min(250, INCIDENTS - first + 1) }, (_, i) => first + i);
      const startedAt = (id: number) => toUtcIso(new Date(base + id * 3_600_000));
      await trx
        .insertInto("incidents")
        .values(
          ids.map((id) => ({
            id,
            number: id,
            title: `Checkout API errors for EU customers (${id})`,
            severity: SEVERITIES[id % 3]!,
            status: STATUSES[id % 3]!,
            startedAt: startedAt(id),
            detectedAt: startedAt(id),
            mitigatedAt: null,
            resolvedAt: null,
            impact: "About 30% of checkout requests failed for EU customers for 42 minutes",
            customerImpact: id % 2,
            source: "manual" as const,
            createdBy: userId,
            createdAt: startedAt(id),
            updatedAt: startedAt(id),
          })),
        )
        .execute();
      await trx
        .insertInto("incidentLabels")
        .values(ids.map((incidentId) => ({ incidentId, kind: "service" as const, value: "checkout-api" })))
        .execute();
      await trx
        .insertInto("postmortems")
        .values(
          ids.map((incidentId) => ({
            incidentId,
            status: "draft" as const,
            createdAt: startedAt(incidentId),
            updatedAt: startedAt(incidentId),
          })),
        )
        .execute();
    }
    await trx.insertInto("counters").values({ name: "incident", value: INCIDENTS }).execute();

    const batch: EntrySeed[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await trx
        .insertInto("timelineEntries")
        .values(
          batch.map((row) => ({
            ...row,
            author: "Sam Rivera",
            authorUserId: userId,
            source: "manual",
            createdAt: row.occurredAt,
            updatedAt: row.occurredAt,
          })),
        )
        .execute();
      batch.length = 0;
    };
    for (let incidentId = 1; incidentId <= INCIDENTS; incidentId++) {
      for (let n = 0; n < ENTRIES_PER_INCIDENT; n++) {
        batch.push({
          incidentId,
          occurredAt: toUtcIso(new Date(base + incidentId * 3_600_000 + n * 60_000)),
          kind: KINDS[n % KINDS.length]!,
          text: `Step ${n + 1}: on-call checked the checkout-api dashboards and rolled back deploy #${incidentId}`,
        });
        if (batch.length === 1_000) await flush();
      }
    }
    await flush();
  });
}

interface Run {
  reqPerSec: number;
  non2xx: number;
  errors: number;
}

async function load(baseUrl: string, paths: string[], token: string): Promise<Run> {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
    requests: paths.map((path) => ({ method: "GET", path, headers: { authorization: `Bearer ${token}` } })),
  });
  return {
    reqPerSec: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A Fastify app with no auth, database or validation that answers each URL with the real app's body. */
async function startBare(bodies: Map<string, unknown>): Promise<{ app: FastifyInstance; url: string }> {
  const bare = Fastify({ logger: false });
  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = bodies.get(request.url);
    if (body === undefined) return reply.code(404).send({ error: "not seeded" });
    return body;
  };
  bare.get("/api/v1/incidents/:key", answer);
  bare.get("/api/v1/incidents/:key/timeline", answer);
  return { app: bare, url: await bare.listen({ port: 0, host: "127.0.0.1" }) };
}

/** The real app's JSON body for a path, failing loudly on anything but 200. */
async function fetchJson(baseUrl: string, path: string, token?: string): Promise<unknown> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(baseUrl + path, { headers });
  if (response.status !== 200) {
    throw new Error(`${baseUrl}${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "hindsight-bench-"));
  const db = connect({ dialect: "sqlite", file: join(dir, "bench.db") });
  let failed = false;
  try {
    const seedStart = performance.now();
    await migrateToLatest(db);
    const ctx = { db, clock: systemClock, actor: { kind: "cli" as const, name: "bench" } };
    const { user } = await createUser(ctx, {
      email: "bench@example.com",
      name: "Bench Reader",
      role: "viewer",
      password: "correct horse battery staple",
    });
    const { secret: token } = await createApiToken(db, systemClock, user.id, { name: "bench" });
    await seed(db, user.id);
    const seedMs = performance.now() - seedStart;

    const real = await buildApp({ db, logger: false });
    const realUrl = await real.listen({ port: 0, host: "127.0.0.1" });

    const step = INCIDENTS / KEYS_PER_ROUTE;
    const keys = Array.from(
      { length: KEYS_PER_ROUTE },
      (_, i) => `INC-${1 + Math.floor(i * step + step / 2)}`,
    );
    const bodies = new Map<string, unknown>();
    for (const route of ROUTES) {
      for (const key of keys) bodies.set(route.path(key), await fetchJson(realUrl, route.path(key), token));
    }
    const timeline = bodies.get(ROUTES[1]!.path(keys[0]!)) as { items?: unknown[] };
    if (timeline.items?.length !== ENTRIES_PER_INCIDENT) {
      throw new Error(
        `the timeline route returned ${timeline.items?.length} entries, not ${ENTRIES_PER_INCIDENT}`,
      );
    }
    const bare = await startBare(bodies);
    const sample = ROUTES[0]!.path(keys[0]!);
    if (JSON.stringify(await fetchJson(bare.url, sample)) !== JSON.stringify(bodies.get(sample))) {
      throw new Error("the bare app does not answer with the real app's body");
    }
    const rssIdle = process.memoryUsage().rss;

    console.log(
      `seeded ${INCIDENTS} incidents × ${ENTRIES_PER_INCIDENT} timeline entries in ${(seedMs / 1000).toFixed(1)} s; ` +
        `${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds of bare/real per route, ` +
        `${KEYS_PER_ROUTE} keys per route`,
    );
    const rows: { route: string; real: number; bare: number }[] = [];
    for (const route of ROUTES) {
      const paths = keys.map(route.path);
      const sums = { real: 0, bare: 0 };
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [which, url] of [
          ["bare", bare.url],
          ["real", realUrl],
        ] as const) {
          const run = await load(url, paths, token);
          console.log(`  ${route.name} ${which} #${round}: ${run.reqPerSec.toFixed(0)} req/s`);
          if (run.non2xx > 0 || run.errors > 0) {
            console.error(`FAILED: ${which} ${route.name}: ${run.non2xx} non-2xx, ${run.errors} errors`);
            failed = true;
          }
          sums[which] += run.reqPerSec;
        }
      }
      rows.push({ route: route.name, real: sums.real / ROUNDS, bare: sums.bare / ROUNDS });
    }
    const rssLoaded = process.memoryUsage().rss;

    console.log();
    console.table(
      rows.map((row) => ({
        route: row.route,
        "real req/s": Math.round(row.real),
        "bare req/s": Math.round(row.bare),
        "real/bare": Number((row.real / row.bare).toFixed(2)),
        [`≥ ${TARGET_RATIO}`]: row.real / row.bare >= TARGET_RATIO ? "yes" : "NO",
      })),
    );
    console.log(
      `RSS of this one process (real app + bare app + load worker): ` +
        `${mib(rssIdle)} MiB idle after seeding and start-up, ${mib(rssLoaded)} MiB after load`,
    );
    await bare.app.close();
    await real.close();
  } finally {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

await main();
