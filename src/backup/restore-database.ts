import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { Db } from "../db/connect.ts";
import { appliedMigrations, knownMigrations, migrateTo, migrateToLatest } from "../db/migrate.ts";
import { DomainError } from "../shared/errors.ts";
import { BACKUP_FORMAT, BACKUP_TABLES, tableNames, type BackupHeader } from "./tables.ts";

export interface RestoreReport {
  counts: Record<string, number>;
  rows: number;
  /** Migrations applied after the rows went in, when the backup came from an older Hindsight. */
  upgradedWith: string[];
}

const TABLE_NAMES = new Set(BACKUP_TABLES.map((t) => t.name));
// SQLite allows 32,766 bound values per statement; stay well under it on both databases.
const MAX_VALUES_PER_INSERT = 5_000;

function open(file: string): Readable {
  const raw = createReadStream(file);
  return file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

async function* linesOf(file: string): AsyncGenerator<{ number: number; value: unknown }> {
  let number = 0;
  const lines = createInterface({ input: open(file), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw DomainError.validation(
        "file",
        `could not be read to the end (${reason}): it was cut short or is damaged`,
      );
    }
    if (next.done) return;
    const line = next.value;
    number += 1;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw DomainError.validation(
        `line ${number}`,
        "is not JSON: the file is not a Hindsight backup or is damaged",
      );
    }
    yield { number, value };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads the whole file once without writing anything: its header, that every line is a row of a known table, the trailer. */
async function check(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const counts: Record<string, number> = {};
  let trailer: Record<string, unknown> | undefined;
  for await (const { number, value } of linesOf(file)) {
    if (!header) {
      if (!isObject(value) || value.format !== BACKUP_FORMAT || !Array.isArray(value.migrations)) {
        throw DomainError.validation(
          "line 1",
          `is not a ${BACKUP_FORMAT} header: this is not a Hindsight backup`,
        );
      }
      header = value as unknown as BackupHeader;
      continue;
    }
    if (trailer) throw DomainError.validation(`line ${number}`, "comes after the end of the backup");
    if (!isObject(value)) throw DomainError.validation(`line ${number}`, "is not a row");
    if (value.end === true) {
      trailer = value;
      continue;
    }
    if (typeof value.table !== "string" || !TABLE_NAMES.has(value.table) || !isObject(value.row)) {
      throw DomainError.validation(`line ${number}`, `is not a row of a table Hindsight backs up`);
    }
    counts[value.table] = (counts[value.table] ?? 0) + 1;
  }
  if (!header) throw DomainError.validation("file", "is empty");
  if (!trailer || !isObject(trailer.counts)) {
    throw DomainError.validation("file", "ends before the backup's last line: it was cut short");
  }
  for (const [table, expected] of Object.entries(trailer.counts)) {
    if ((counts[table] ?? 0) !== expected) {
      throw DomainError.validation(
        `table ${table}`,
        `has ${counts[table] ?? 0} rows but the backup wrote ${expected}`,
      );
    }
  }
  const known = knownMigrations();
  const unknown = header.migrations.find((name) => !known.includes(name));
  if (unknown !== undefined) {
    throw DomainError.validation(
      "migrations",
      `the backup was made by a newer Hindsight (it has migration ${unknown}); upgrade Hindsight first`,
    );
  }
  if (header.migrations.some((name, i) => name !== known[i])) {
    throw DomainError.validation("migrations", "do not match this version's migrations in order");
  }
  return header;
}

async function rowsIn(db: Db): Promise<number> {
  const tables = new Set(await tableNames(db as unknown as Kysely<never>));
  let total = 0;
  for (const table of ["users", "incidents", "settings", "notification_channels"]) {
    if (!tables.has(table)) continue;
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    total += Number(result.rows[0]?.n ?? 0);
  }
  return total;
}

/**
 * Restores a backup into an empty database: checks the whole file before writing anything, brings the
 * schema to the backup's migrations, inserts every row in one transaction (all or nothing), moves id
 * sequences past the restored ids, then applies any newer migrations. `rebuild` then recomputes what is
 * derived from the rows (the search index).
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: {
    rebuild?: (db: Db) => Promise<void>;
    /** For a copy beside the original: channels disabled, unsent messages dropped, so nobody is told twice. */
    withoutNotifications?: boolean;
  } = {},
): Promise<RestoreReport> {
  try {
    await access(file);
  } catch {
    throw new DomainError("NOT_FOUND", `no backup file at ${file}`);
  }
  const header = await check(file);
  const existing = await rowsIn(db);
  if (existing > 0) {
    throw new DomainError(
      "CONFLICT",
      "the database is not empty: a restore needs a new one (point HINDSIGHT_DB or DATABASE_URL at an empty database)",
    );
  }

  const last = header.migrations.at(-1);
  const applied = await appliedMigrations(db);
  if (last === undefined) throw DomainError.validation("migrations", "the backup lists no migrations");
  if (applied.at(-1) !== last) await migrateTo(db, last);

  const plain = db.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const counts: Record<string, number> = {};
  await plain.transaction().execute(async (trx) => {
    let batch: Record<string, unknown>[] = [];
    let batchTable = "";
    const selfReferences = new Map(
      BACKUP_TABLES.filter((t) => t.selfReference).map((t) => [t.name, t.selfReference!]),
    );
    const links: { table: string; column: string; id: unknown; target: unknown }[] = [];
    const flush = async () => {
      if (batch.length > 0) await trx.insertInto(batchTable).values(batch).execute();
      batch = [];
    };
    let first = true;
    for await (const { value } of linesOf(file)) {
      if (first) {
        first = false;
        continue;
      }
      const line = value as { table?: string; row?: Record<string, unknown>; end?: true };
      if (line.end) break;
      const table = line.table!;
      if (
        table !== batchTable ||
        (batch.length + 1) * Object.keys(line.row!).length > MAX_VALUES_PER_INSERT
      ) {
        await flush();
        batchTable = table;
      }
      const column = selfReferences.get(table);
      if (column !== undefined && line.row![column] != null) {
        links.push({ table, column, id: line.row!.id, target: line.row![column] });
        batch.push({ ...line.row!, [column]: null });
      } else batch.push(line.row!);
      counts[table] = (counts[table] ?? 0) + 1;
    }
    await flush();
    for (const link of links) {
      await sql`update ${sql.table(link.table)} set ${sql.ref(link.column)} = ${link.target} where id = ${link.id}`.execute(
        trx,
      );
    }
    if (options.withoutNotifications) {
      await trx.updateTable("notification_channels").set({ enabled: 0 }).execute();
      await trx.deleteFrom("deliveries").where("status", "in", ["pending", "sending"]).execute();
      await trx
        .updateTable("events")
        .set({ dispatched_at: header.createdAt })
        .where("dispatched_at", "is", null)
        .execute();
    }
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      for (const table of BACKUP_TABLES.filter((t) => t.orderBy[0] === "id")) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce((select max(id) from ${sql.table(
          table.name,
        )}), 0) + 1, false)`.execute(trx);
      }
    }
  });

  const upgradedWith = (await migrateToLatest(db)).applied;
  if (options.rebuild) await options.rebuild(db);
  return { counts, rows: Object.values(counts).reduce((a, b) => a + b, 0), upgradedWith };
}
