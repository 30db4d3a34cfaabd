import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import type { Db } from "../db/connect.ts";
import { appliedMigrations } from "../db/migrate.ts";
import { addWhy } from "../analysis/add-why.ts";
import { editWhy } from "../analysis/edit-why.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { createChannel } from "../notify/create-channel.ts";
import { reindexAll } from "../search/index-incident.ts";
import { searchPostmortems } from "../search/search-postmortems.ts";
import { fixedClock } from "../shared/clock.ts";
import { DomainError } from "../shared/errors.ts";
import { backupDatabase } from "./backup-database.ts";
import { restoreDatabase } from "./restore-database.ts";
import { BACKUP_TABLES, isLeftOutOfBackups, tableNames } from "./tables.ts";

let source: TestDb;
let folder: string;
const targets: TestDb[] = [];

async function emptyDb(): Promise<TestDb> {
  const target = await createTestDb({ migrate: false });
  targets.push(target);
  return target;
}

async function rowsOf(db: Db, table: string, orderBy: readonly string[]): Promise<unknown[]> {
  const plain = db.withoutPlugins() as unknown as Kysely<never>;
  const result =
    await sql`select * from ${sql.table(table)} order by ${sql.join(orderBy.map((c) => sql.ref(c)))}`.execute(
      plain,
    );
  return result.rows;
}

beforeAll(async () => {
  source = await createTestDb();
  const ctx = buildCtx(source.db, { clock: fixedClock("2026-05-20T12:34:56Z") });
  await seedDemo(ctx, {});
  await buildUser(source.db, "admin");
  // A why moved under one written later: its parent has a larger id than itself.
  const incident = await buildIncident(ctx, { title: "Moved whys" });
  const root = await addWhy(ctx, incident.key, { parentId: null, text: "Checkout failed" });
  const early = await addWhy(ctx, incident.key, { parentId: root.id, text: "Pool exhausted" });
  const late = await addWhy(ctx, incident.key, { parentId: root.id, text: "Config unchecked" });
  await editWhy(ctx, incident.key, early.id, { parentId: late.id });
  await createChannel(ctx, { name: "ops", kind: "slack", target: "https://hooks.slack.example.com/T1/B2" });
  folder = await mkdtemp(join(tmpdir(), "hindsight-backup-"));
}, 60_000);

afterAll(async () => {
  await Promise.all([source, ...targets].map((t) => t.destroy()));
  await rm(folder, { recursive: true, force: true });
});

describe("backupDatabase and restoreDatabase", () => {
  it("backs up every table the migrations create, except sessions and derived ones", async () => {
    // This database's own tables only: on PostgreSQL other schemas (other test files, a benchmark) hold more.
    const tables = (await tableNames(source.db.withoutPlugins() as unknown as Kysely<never>)).filter(
      (t) => !isLeftOutOfBackups(t),
    );
    expect(new Set(tables)).toEqual(new Set(BACKUP_TABLES.map((t) => t.name)));
  });

  it("restores every row into an empty database, and the restored one keeps working", async () => {
    const file = join(folder, "all.jsonl.gz");
    const backup = await backupDatabase(source.db, file);
    expect(backup.counts.incidents).toBe(13);
    expect(backup.counts.timeline_entries).toBeGreaterThan(50);

    const target = await emptyDb();
    const report = await restoreDatabase(target.db, file, { rebuild: reindexAll });
    expect(report.rows).toBe(backup.rows);
    expect(await appliedMigrations(target.db)).toEqual(await appliedMigrations(source.db));
    for (const table of BACKUP_TABLES) {
      expect(await rowsOf(target.db, table.name, table.orderBy), table.name).toEqual(
        await rowsOf(source.db, table.name, table.orderBy),
      );
    }

    // The search index is rebuilt from the restored rows.
    const found = await searchPostmortems(buildCtx(target.db), { q: "Moved whys" });
    expect(found.items.map((hit) => hit.title)).toContain("Moved whys");

    // New rows get new ids and keys after the restored ones.
    const ctx = buildCtx(target.db);
    const incident = await buildIncident(ctx);
    expect(incident.key).toBe("INC-14");
    await buildUser(target.db, "viewer");
  });

  it("can leave a restored copy silent, so nobody is notified twice", async () => {
    const file = join(folder, "copy.jsonl");
    await backupDatabase(source.db, file);
    const target = await emptyDb();
    await restoreDatabase(target.db, file, { withoutNotifications: true });
    const channels = await rowsOf(target.db, "notification_channels", ["id"]);
    expect(channels).toHaveLength(1);
    expect(channels).toEqual([expect.objectContaining({ name: "ops", enabled: 0 })]);
    const undispatched = await target.db
      .selectFrom("events")
      .select("id")
      .where("dispatchedAt", "is", null)
      .execute();
    expect(undispatched).toEqual([]);
  });

  it("carries tables of many pages whole, in key order, also where the key has several columns", async () => {
    const big = await createTestDb();
    targets.push(big);
    const ctx = buildCtx(big.db, { clock: fixedClock("2026-05-20T12:34:56Z") });
    await buildIncident(ctx);
    await buildIncident(ctx);
    const incidents = await big.db.selectFrom("incidents").select("id").orderBy("id").execute();
    const factoryLabels = (await big.db.selectFrom("incidentLabels").selectAll().execute()).length;
    const entries = Array.from({ length: 2_345 }, (_, i) => ({
      incidentId: incidents[i % 2]!.id,
      occurredAt: `2026-05-20T${String(Math.floor(i / 60) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00Z`,
      kind: "event" as const,
      text: `Entry ${i}`,
      source: "manual",
      createdAt: "2026-05-20T12:34:56Z",
      updatedAt: "2026-05-20T12:34:56Z",
    }));
    for (let i = 0; i < entries.length; i += 200)
      await big.db
        .insertInto("timelineEntries")
        .values(entries.slice(i, i + 200))
        .execute();
    // 2 incidents × 2 kinds × 600 values: pages end in the middle of one incident's labels of one kind.
    const labels = incidents.flatMap((incident) =>
      (["service", "tag"] as const).flatMap((kind) =>
        Array.from({ length: 600 }, (_, i) => ({ incidentId: incident.id, kind, value: `v${i}` })),
      ),
    );
    for (let i = 0; i < labels.length; i += 200)
      await big.db
        .insertInto("incidentLabels")
        .values(labels.slice(i, i + 200))
        .execute();

    const file = join(folder, "big.jsonl");
    const backup = await backupDatabase(big.db, file);
    expect(backup.counts.timeline_entries).toBe(2_345);
    expect(backup.counts.incident_labels).toBe(2_400 + factoryLabels);

    const target = await emptyDb();
    await restoreDatabase(target.db, file);
    for (const name of ["timeline_entries", "incident_labels"]) {
      const table = BACKUP_TABLES.find((t) => t.name === name)!;
      expect(await rowsOf(target.db, name, table.orderBy), name).toEqual(
        await rowsOf(big.db, name, table.orderBy),
      );
    }
  });

  it("refuses to back up where there is no Hindsight database", async () => {
    const empty = await emptyDb();
    await expect(backupDatabase(empty.db, join(folder, "nothing.jsonl"))).rejects.toThrow(
      /no Hindsight database/,
    );
  });

  it("refuses a database that already has data, and changes nothing in it", async () => {
    const file = join(folder, "again.jsonl");
    await backupDatabase(source.db, file);
    const before = await rowsOf(source.db, "incidents", ["id"]);
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/not empty/);
    expect(await rowsOf(source.db, "incidents", ["id"])).toEqual(before);
  });

  it("refuses a file cut short, or one with a damaged line, naming what is wrong, before writing anything", async () => {
    const file = join(folder, "plain.jsonl");
    await backupDatabase(source.db, file);
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");

    const cut = join(folder, "cut.jsonl");
    await writeFile(cut, lines.slice(0, -5).join("\n"));
    const target = await emptyDb();
    await expect(restoreDatabase(target.db, cut)).rejects.toThrow(/cut short/);

    const damaged = join(folder, "damaged.jsonl");
    await writeFile(damaged, [...lines.slice(0, 3), "{not json", ...lines.slice(3)].join("\n"));
    const error = await restoreDatabase(target.db, damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors[0]?.path).toBe("line 4");

    const missingRow = join(folder, "missing-row.jsonl");
    await writeFile(missingRow, [...lines.slice(0, 3), ...lines.slice(4)].join("\n"));
    await expect(restoreDatabase(target.db, missingRow)).rejects.toThrow(/rows but the backup wrote/);

    const gz = join(folder, "cut.jsonl.gz");
    await backupDatabase(source.db, gz);
    const bytes = await readFile(gz);
    await writeFile(gz, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase(target.db, gz)).rejects.toThrow(/cut short/);

    expect(await tableNames(target.db as unknown as Kysely<never>)).toEqual([]);
  });

  it("refuses a backup from a newer Hindsight, and anything that is not a backup", async () => {
    const file = join(folder, "plain2.jsonl");
    await backupDatabase(source.db, file);
    const [header, ...rest] = (await readFile(file, "utf8")).split("\n");
    const parsed = JSON.parse(header!) as { migrations: string[] };
    parsed.migrations.push("2099-01-01T0000-from-the-future");
    const future = join(folder, "future.jsonl");
    await writeFile(future, [JSON.stringify(parsed), ...rest].join("\n"));
    const target = await emptyDb();
    await expect(restoreDatabase(target.db, future)).rejects.toThrow(/newer Hindsight/);

    const other = join(folder, "notes.txt");
    await writeFile(other, '{"hello": "world"}\n');
    await expect(restoreDatabase(target.db, other)).rejects.toThrow(/not a Hindsight backup/);
    await expect(restoreDatabase(target.db, join(folder, "nope.jsonl"))).rejects.toThrow(/no backup file/);
  });
});
