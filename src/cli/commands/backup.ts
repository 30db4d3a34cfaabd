import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { backupDatabase } from "../../backup/backup-database.ts";
import { restoreDatabase } from "../../backup/restore-database.ts";
import { connect } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { configFromEnv } from "../../shared/config.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description(
      "write every incident, post-mortem, user and setting to FILE (JSON lines; gzip if it ends in .gz)",
    )
    .argument("<file>", "where to write the backup; it holds password hashes, so keep it private")
    .action(async (file: string) => {
      const db = connect(configFromEnv().db);
      try {
        await migrateToLatest(db);
        const report = await backupDatabase(db, file);
        const tables = Object.values(report.counts).filter((n) => n > 0).length;
        console.log(
          `Backed up ${plural(report.rows, "row")} from ${plural(tables, "table")} to ${file} (${sizeOf((await stat(file)).size)}).`,
        );
      } finally {
        await db.destroy();
      }
    });

  program
    .command("restore")
    .description("load a backup made by `hindsight backup` into an empty database")
    .argument("<file>", "a file written by hindsight backup")
    .action(async (file: string) => {
      const db = connect(configFromEnv().db);
      try {
        const report = await restoreDatabase(db, file);
        console.log(
          `Restored ${plural(report.rows, "row")} (${plural(report.counts.incidents ?? 0, "incident")}, ${plural(
            report.counts.users ?? 0,
            "user",
          )}) from ${file}.` +
            (report.upgradedWith.length > 0
              ? ` Then applied ${plural(report.upgradedWith.length, "newer migration")}.`
              : "") +
            " Everyone signs in again.",
        );
      } finally {
        await db.destroy();
      }
    });
}
