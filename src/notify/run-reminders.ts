import type { Db, Executor } from "../db/connect.ts";
import { getProcessSettings } from "../process/settings.ts";
import type { Clock } from "../shared/clock.ts";
import { toUtcIso } from "../shared/time.ts";
import { channelsFor } from "./channel.repository.ts";
import { queueDeliveries, type NewDelivery } from "./delivery.repository.ts";
import { dueReminders, type DueReminder } from "./due-reminders.ts";

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  /** HINDSIGHT_PUBLIC_URL, for links in messages. */
  publicUrl?: string | undefined;
}

export interface ReminderRun {
  /** Reminders this run created (others were already created, by this or another instance). */
  reminders: number;
  deliveries: number;
}

const KEY_CHUNK = 500;

async function alreadyCreated(db: Executor, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const rows = await db
      .selectFrom("reminders")
      .select("key")
      .where("key", "in", keys.slice(i, i + KEY_CHUNK))
      .execute();
    for (const row of rows) found.add(row.key);
  }
  return found;
}

/** Inserts the reminder; only the one transaction whose insert took queues its deliveries. */
async function createReminder(
  deps: ReminderDeps,
  reminder: DueReminder,
  nowIso: string,
): Promise<number | null> {
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("reminders")
      .values({
        key: reminder.key,
        kind: reminder.kind,
        subject: reminder.subject,
        dueAt: reminder.dueAt,
        recipient: reminder.recipients.join(", ") || null,
        createdAt: nowIso,
      })
      .onConflict((oc) => oc.column("key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return null;
    const deliveries: NewDelivery[] = [
      ...reminder.recipients.map((address) => ({
        dedupeKey: `reminder:${reminder.key}:email:${address.toLowerCase()}`,
        channelKind: "email" as const,
        channelId: null,
        target: address,
        message: reminder.message,
      })),
      ...(await channelsFor(trx, reminder.kind)).map((channel) => ({
        dedupeKey: `reminder:${reminder.key}:channel:${channel.id}`,
        channelKind: channel.kind,
        channelId: channel.id,
        target: channel.target,
        message: reminder.message,
      })),
    ];
    return queueDeliveries(trx, deliveries, nowIso);
  });
}

/**
 * Creates every reminder due at the clock's now that no instance created before, with its deliveries;
 * any number of instances may run this at once and each reminder is still queued exactly once.
 */
export async function runReminders(deps: ReminderDeps): Promise<ReminderRun> {
  const now = deps.clock.now();
  const nowIso = toUtcIso(now);
  const settings = await getProcessSettings(deps.db);
  const due = await dueReminders(deps.db, settings, now, deps.publicUrl);
  const known = await alreadyCreated(
    deps.db,
    due.map((r) => r.key),
  );
  const run: ReminderRun = { reminders: 0, deliveries: 0 };
  for (const reminder of due.filter((r) => !known.has(r.key))) {
    const queued = await createReminder(deps, reminder, nowIso);
    if (queued === null) continue;
    run.reminders += 1;
    run.deliveries += queued;
  }
  return run;
}
