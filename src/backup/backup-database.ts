import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql, type Kysely, type QueryResult, type RawBuilder } from "kysely";
import type { Db } from "../db/connect.ts";
import { appliedMigrations } from "../db/migrate.ts";
import { DomainError } from "../shared/errors.ts";
import { BACKUP_FORMAT, BACKUP_TABLES, type BackupHeader, type BackupTrailer } from "./tables.ts";

const PAGE = 1_000;

export interface BackupReport {
  file: string;
  counts: Record<string, number>;
  rows: number;
}

/**
 * Writes every row of the database to `file` as JSON lines (gzip when the name ends in `.gz`), read in
 * one snapshot so the copy is consistent while the app keeps running. The file appears only once it is
 * complete, readable by its owner alone: it holds password and token hashes.
 */
export async function backupDatabase(db: Db, file: string, now: Date = new Date()): Promise<BackupReport> {
  const counts: Record<string, number> = {};
  const partial = `${file}.partial-${process.pid}`;
  const migrations = await appliedMigrations(db);
  if (migrations.length === 0)
    throw new DomainError("NOT_FOUND", "there is no Hindsight database here to back up");
  const plain = db.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;

  await plain
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      async function* lines(): AsyncGenerator<string> {
        const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: now.toISOString(), migrations };
        yield `${JSON.stringify(header)}\n`;
        for (const table of BACKUP_TABLES) {
          let count = 0;
          const key = table.orderBy.map((column) => sql.ref(column));
          // Each page starts after the last key read (an index seek), not at an offset the database walks again.
          let after: unknown[] | null = null;
          for (;;) {
            const from: RawBuilder<unknown> = after
              ? sql`where (${sql.join(key)}) > (${sql.join(after.map((value) => sql`${value}`))})`
              : sql``;
            const rows: QueryResult<Record<string, unknown>> = await sql<
              Record<string, unknown>
            >`select * from ${sql.table(table.name)} ${from}
              order by ${sql.join(key)} limit ${PAGE}`.execute(trx);
            let chunk = "";
            for (const row of rows.rows) chunk += `${JSON.stringify({ table: table.name, row })}\n`;
            if (chunk) yield chunk;
            count += rows.rows.length;
            if (rows.rows.length < PAGE) break;
            const last: Record<string, unknown> = rows.rows.at(-1)!;
            after = table.orderBy.map((column) => last[column]);
          }
          counts[table.name] = count;
        }
        const trailer: BackupTrailer = { end: true, counts };
        yield `${JSON.stringify(trailer)}\n`;
      }
      const out = createWriteStream(partial, { mode: 0o600 });
      try {
        if (file.endsWith(".gz")) await pipeline(Readable.from(lines()), createGzip(), out);
        else await pipeline(Readable.from(lines()), out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    });

  await rename(partial, file);
  return { file, counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}
