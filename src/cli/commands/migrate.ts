import type { Command } from "commander";
import { connect } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { configFromEnv } from "../../shared/config.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (serve does this at start too)")
    .action(async () => {
      const db = connect(configFromEnv().db);
      try {
        const { applied } = await migrateToLatest(db);
        console.log(
          applied.length === 0
            ? "The database is up to date."
            : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join("\n")}`,
        );
      } finally {
        await db.destroy();
      }
    });
}
