import type { Command } from "commander";
import { withCliCtx } from "../context.ts";

export function registerReminders(program: Command): void {
  const reminders = program.command("reminders").description("reminders and channel announcements");
  reminders
    .command("run")
    .description(
      "run one notifier pass now (for cron): create due reminders, announce events, send or retry what is due",
    )
    .option("--json", "print the counts as JSON")
    .action(async (o: { json?: boolean }) => {
      const { startNotifier } = await import("../../notify/notifier.ts");
      const pass = await withCliCtx(async (ctx, config) => {
        const notifier = startNotifier({
          db: ctx.db,
          clock: ctx.clock,
          publicUrl: config.publicUrl,
          mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
          intervalSeconds: 0,
        });
        try {
          return await notifier.tick();
        } finally {
          await notifier.stop();
        }
      });
      const { reminders: r, events: e, deliveries: d } = pass;
      console.log(
        o.json
          ? JSON.stringify(pass, null, 2)
          : `${r.reminders} reminder(s) and ${e.events} event(s) queued ${r.deliveries + e.deliveries} delivery(ies); ` +
              `sent ${d.sent}, ${d.retrying} to retry, ${d.failed} failed`,
      );
    });
}
