import { userInfo } from "node:os";
import { connect, type Db } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { systemClock } from "../shared/clock.ts";
import { configFromEnv, type Config } from "../shared/config.ts";
import type { Ctx } from "../shared/context.ts";

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return "cli";
  }
}

/**
 * Opens the configured database (applying pending migrations, so any command works on a fresh
 * install), runs `work`, and always closes the connection.
 */
export async function withCliCtx<T>(
  work: (ctx: Ctx, config: Config) => Promise<T>,
  author?: string,
): Promise<T> {
  const config = configFromEnv();
  const db: Db = connect(config.db);
  try {
    await migrateToLatest(db);
    return await work(
      { db, clock: systemClock, actor: { kind: "cli", name: author ?? operatorName() } },
      config,
    );
  } finally {
    await db.destroy();
  }
}
