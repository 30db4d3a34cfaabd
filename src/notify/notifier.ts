import type { Db } from "../db/connect.ts";
import type { Clock } from "../shared/clock.ts";
import { dispatchDeliveries, type DispatchRun } from "./dispatch-deliveries.ts";
import { dispatchEvents, type EventRun } from "./dispatch-events.ts";
import { runReminders, type ReminderRun } from "./run-reminders.ts";
import { createSender, type MailConfig, type Sender } from "./sender.ts";

export interface NotifyDeps {
  db: Db;
  clock: Clock;
  publicUrl?: string | undefined;
  sender: Sender;
}

export interface NotifyPass {
  reminders: ReminderRun;
  events: EventRun;
  deliveries: DispatchRun;
}

/** One pass of everything the notifier does: create due reminders, fan out events, send what is due. */
export async function runNotifyPass(deps: NotifyDeps): Promise<NotifyPass> {
  const reminders = await runReminders(deps);
  const events = await dispatchEvents(deps);
  const deliveries = await dispatchDeliveries(deps);
  return { reminders, events, deliveries };
}

export interface NotifierOptions {
  db: Db;
  clock: Clock;
  publicUrl?: string | undefined;
  mail: MailConfig;
  /** Seconds between passes; 0 starts no timer (passes run only through `tick`). */
  intervalSeconds: number;
  /** Told about a pass that failed; the next pass runs as usual. */
  onError?: (error: unknown) => void;
}

export interface Notifier {
  /** Runs a pass now; while one is running, waits for that one instead of starting another. */
  tick(): Promise<NotifyPass>;
  /** Stops the timer, waits for a running pass and closes the mail transport. */
  stop(): Promise<void>;
}

export function startNotifier(options: NotifierOptions): Notifier {
  const sender = createSender(options.mail);
  const deps: NotifyDeps = { db: options.db, clock: options.clock, publicUrl: options.publicUrl, sender };
  let running: Promise<NotifyPass> | null = null;
  const tick = () => {
    running ??= runNotifyPass(deps).finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    options.intervalSeconds > 0
      ? setInterval(() => {
          tick().catch((error: unknown) => options.onError?.(error));
        }, options.intervalSeconds * 1000)
      : undefined;
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
      sender.close();
    },
  };
}
