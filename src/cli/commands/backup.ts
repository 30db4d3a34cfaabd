import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { backupDatabase } from "../../backup/backup-database.ts";
import { restoreDatabase } from "../../backup/restore-database.ts";
import { connect } from "../../db/connect.ts";
import { reindexAll } from "../../search/index-incident.ts";
import { configFromEnv } from "../../shared/config.ts";
import { DomainError } from "../../shared/errors.ts";

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
    .argument(
      "<file>",
      "where to write the backup; it holds password and token hashes and notification channels' webhook URLs and secrets, so keep it private",
    )
    .action(async (file: string) => {
      const config = configFromEnv().db;
      // Reading must not create or migrate anything: a mistyped path would otherwise "back up" a new,
      // empty database every night.
      if (config.dialect === "sqlite" && config.file !== ":memory:" && !existsSync(config.file)) {
        throw new DomainError("NOT_FOUND", `no Hindsight database at ${config.file} (HINDSIGHT_DB)`);
      }
      const db = connect(config);
      try {
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
    .option(
      "--without-notifications",
      "disable every notification channel and drop unsent messages (for a copy running beside the original)",
    )
    .action(async (file: string, options: { withoutNotifications?: boolean }) => {
      const db = connect(configFromEnv().db);
      try {
        const report = await restoreDatabase(db, file, {
          withoutNotifications: options.withoutNotifications === true,
          rebuild: reindexAll,
        });
        console.log(
          `Restored ${plural(report.rows, "row")} (${plural(report.counts.incidents ?? 0, "incident")}, ${plural(
            report.counts.users ?? 0,
            "user",
          )}) from ${file}.` +
            (report.upgradedWith.length > 0
              ? ` Then applied ${plural(report.upgradedWith.length, "newer migration")}.`
              : "") +
            (options.withoutNotifications ? " Notification channels are disabled." : "") +
            " Everyone signs in again.",
        );
      } finally {
        await db.destroy();
      }
    });
}
