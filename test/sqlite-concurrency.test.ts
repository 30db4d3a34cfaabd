import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { connect, type Db } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { getIncidentOrThrow } from "../src/incidents/incident.repository.ts";
import { updateIncident } from "../src/incidents/update-incident.ts";
import { addTimelineEntry } from "../src/timeline/add-timeline-entry.ts";
import { deleteTimelineEntry } from "../src/timeline/delete-timeline-entry.ts";
import { editTimelineEntry } from "../src/timeline/edit-timeline-entry.ts";
import { listTimeline } from "../src/timeline/timeline.repository.ts";
import { buildCtx, buildIncident } from "./factories.ts";
import { createTestDb, testDialect } from "./test-db.ts";

const SRC = join(import.meta.dirname, "..", "src");
const moduleUrl = (path: string) => pathToFileURL(join(SRC, path)).href;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Two handles on one database: two connections to a temp SQLite file, or two pools on PostgreSQL. */
async function twoConnections(): Promise<{ a: Db; b: Db; file?: string }> {
  if (testDialect === "postgres") {
    const testDb = await createTestDb();
    const b = testDb.connectAgain();
    cleanup = () => testDb.destroy();
    return { a: testDb.db, b };
  }
  const dir = mkdtempSync(join(tmpdir(), "hindsight-sqlite-"));
  const file = join(dir, "hindsight.db");
  const a = connect({ dialect: "sqlite", file });
  await migrateToLatest(a);
  const b = connect({ dialect: "sqlite", file });
  cleanup = async () => {
    await Promise.all([a.destroy(), b.destroy()]);
    rmSync(dir, { recursive: true, force: true });
  };
  return { a, b, file };
}

// better-sqlite3 waits for a lock synchronously, so the second connection lives on its own thread (as the
// CLI beside the server lives in its own process); on one thread each connection would block the other.
const WRITER = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { register } = await import("tsx/esm/api");
  register();
  const { connect } = await import(workerData.connect);
  const { addTimelineEntry } = await import(workerData.addTimelineEntry);
  const db = connect({ dialect: "sqlite", file: workerData.file });
  const ctx = { db, actor: { kind: "cli", name: "writer" }, clock: { now: () => new Date() } };
  parentPort.postMessage({ ready: true });
  await new Promise((resolve) => parentPort.once("message", resolve));
  const results = await Promise.allSettled(
    workerData.texts.map((text) =>
      addTimelineEntry(ctx, workerData.key, { text, occurredAt: "2026-03-18T15:00:00Z" }),
    ),
  );
  await db.destroy();
  parentPort.postMessage({ results: results.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason))) });
})().catch((error) => parentPort.postMessage({ results: [String(error)] }));
`;

/** Adds entries through a connection on another thread, starting when `go` is called. */
async function startWriter(file: string, key: string, texts: string[]) {
  const worker = new Worker(WRITER, {
    eval: true,
    workerData: {
      file,
      key,
      texts,
      connect: moduleUrl("db/connect.ts"),
      addTimelineEntry: moduleUrl("timeline/add-timeline-entry.ts"),
    },
  });
  const done = new Promise<string[]>((resolve, reject) => {
    worker.on("message", (m: { results?: string[] }) => m.results && resolve(m.results));
    worker.on("error", reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  return {
    go: () => worker.postMessage("go"),
    done: done.finally(() => void worker.terminate()),
  };
}

describe("addTimelineEntry on one SQLite file from two connections", () => {
  it.skipIf(testDialect === "postgres")(
    "records 20 concurrent entries, half through each connection, with none refused as busy",
    async () => {
      const { a, file } = await twoConnections();
      const incident = await buildIncident(buildCtx(a));
      const texts = Array.from({ length: 20 }, (_, i) => `Update ${i + 1}`);
      const writer = await startWriter(file!, incident.key, texts.slice(10));

      writer.go();
      const here = await Promise.allSettled(
        texts
          .slice(0, 10)
          .map((text) =>
            addTimelineEntry(buildCtx(a), incident.key, { text, occurredAt: "2026-03-18T15:00:00Z" }),
          ),
      );
      const there = await writer.done;

      expect(here.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason)))).toEqual(
        Array(10).fill("ok"),
      );
      expect(there).toEqual(Array(10).fill("ok"));
      const page = await listTimeline(a, incident.key, { limit: 100 });
      expect(page.items.map((e) => e.text).sort()).toEqual([...texts].sort());
    },
    60_000,
  );
});

describe("cached reads after another connection writes", () => {
  it("lists a timeline entry added through the other connection at once", async () => {
    const { a, b } = await twoConnections();
    const incident = await buildIncident(buildCtx(a));
    await addTimelineEntry(buildCtx(a), incident.key, {
      text: "Paged on-call",
      occurredAt: "2026-03-18T15:00:00Z",
    });
    expect((await listTimeline(a, incident.key, { limit: 50 })).items).toHaveLength(1);
    expect((await listTimeline(a, incident.key, { limit: 50 })).items).toHaveLength(1);

    await addTimelineEntry(buildCtx(b), incident.key, {
      text: "Rolled back",
      occurredAt: "2026-03-18T15:05:00Z",
    });

    const page = await listTimeline(a, incident.key, { limit: 50 });
    expect(page.items.map((e) => e.text)).toEqual(["Paged on-call", "Rolled back"]);
  });

  it("shows an entry edited, then deleted, through the other connection at once", async () => {
    const { a, b } = await twoConnections();
    const incident = await buildIncident(buildCtx(a));
    const entry = await addTimelineEntry(buildCtx(a), incident.key, {
      text: "Rolled back deploy 4812",
      occurredAt: "2026-03-18T15:00:00Z",
    });
    expect((await listTimeline(a, incident.key, { limit: 50 })).items[0]!.text).toBe(
      "Rolled back deploy 4812",
    );

    await editTimelineEntry(buildCtx(b), incident.key, entry.id, { text: "Rolled back deploy 4811" }, 1);
    const edited = (await listTimeline(a, incident.key, { limit: 50 })).items;
    expect(edited.map((e) => [e.text, e.version])).toEqual([["Rolled back deploy 4811", 2]]);

    await deleteTimelineEntry(buildCtx(b), incident.key, entry.id, 2);
    expect((await listTimeline(a, incident.key, { limit: 50 })).items).toEqual([]);
  });

  it("shows an incident changed through the other connection at once", async () => {
    const { a, b } = await twoConnections();
    const incident = await buildIncident(buildCtx(a), { services: ["checkout-api"] });
    expect(await getIncidentOrThrow(a, incident.key)).toEqual(incident);
    expect(await getIncidentOrThrow(a, incident.key)).toEqual(incident);

    await updateIncident(
      buildCtx(b),
      incident.key,
      { title: "Checkout API 5xx in eu-west-1", services: ["checkout-api", "payments"] },
      incident.version,
    );

    const seen = await getIncidentOrThrow(a, incident.key);
    expect(seen).toMatchObject({
      title: "Checkout API 5xx in eu-west-1",
      services: ["checkout-api", "payments"],
      version: incident.version + 1,
    });
  });
});
