import type { Command } from "commander";
import { connect } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { systemClock } from "../../shared/clock.ts";
import { configFromEnv } from "../../shared/config.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("apply pending migrations and serve the API (PORT, HOST, HINDSIGHT_DB or DATABASE_URL)")
    .action(async () => {
      // Loaded here, not at the top: every other command would pay for the whole server at start-up.
      const [{ buildApp }, { startNotifier }, { internalDomainsFromEnv }, { ensureFirstAdmin }] =
        await Promise.all([
          import("../../server/app.ts"),
          import("../../notify/notifier.ts"),
          import("../../external/redaction/index.ts"),
          import("../../users/ensure-first-admin.ts"),
        ]);
      const config = configFromEnv();
      // Read on every redaction check; a bad entry stops start-up here rather than failing a page later.
      internalDomainsFromEnv();
      const db = connect(config.db);
      const { applied } = await migrateToLatest(db);
      if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

      const first = await ensureFirstAdmin(
        { db, clock: systemClock, actor: { kind: "cli", name: "serve" } },
        config.adminEmail,
      );
      if (first) {
        // Printed straight to the terminal (never the request log), before anything else can fail, only on this first start.
        console.log(
          [
            "",
            "This database had no users, so Hindsight created the first admin:",
            `  e-mail:   ${first.user.email}`,
            `  password: ${first.generatedPassword}   (shown only now; change it on your account page, /account, after signing in)`,
            `Sign in with POST /api/v1/auth/sign-in once the server is up, or get an API token with:`,
            `  npx hindsight token create --email ${first.user.email}`,
            "",
          ].join("\n"),
        );
      }
      const app = await buildApp({
        db,
        publicUrl: config.publicUrl,
        trustProxy: config.trustProxy,
        logger: {
          level: config.logLevel,
          redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
        },
      });
      const address = await app.listen({ port: config.port, host: config.host });
      console.log(`Hindsight is listening on ${address} (API docs at ${address}/api/docs)`);
      // Reminders and announcements; any number of instances may run it, each reminder still goes out once.
      const notifier = startNotifier({
        db,
        clock: systemClock,
        publicUrl: config.publicUrl,
        mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
        intervalSeconds: config.reminderIntervalSeconds,
        onError: (error) =>
          app.log.error(`notifier pass failed: ${error instanceof Error ? error.message : String(error)}`),
      });

      const stop = async (signal: string) => {
        app.log.info(`received ${signal}, shutting down`);
        await notifier.stop();
        await app.close();
        await db.destroy();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
    });
}
