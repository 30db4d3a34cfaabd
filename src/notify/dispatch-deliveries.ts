import type { Db } from "../db/connect.ts";
import type { Clock } from "../shared/clock.ts";
import { toUtcIso } from "../shared/time.ts";
import { findChannelRow } from "./channel.repository.ts";
import type { DeliveryRow } from "./delivery.repository.ts";
import { PermanentSendError, type Sender } from "./sender.ts";

/** Minutes to wait after the 1st, 2nd… failed attempt; the 6th failure is final. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
const CLAIM_MS = 60_000;
const BATCH = 50;
const MAX_BATCHES = 20;
const PARALLEL_SENDS = 4;

export interface DispatchDeps {
  db: Db;
  clock: Clock;
  sender: Sender;
}

export interface DispatchRun {
  sent: number;
  retrying: number;
  failed: number;
}

const plusMs = (date: Date, ms: number) => toUtcIso(new Date(date.getTime() + ms));

/**
 * Takes a due delivery for this instance alone: the conditional UPDATE succeeds for one claimer only.
 * Attempts are counted when they start, so a send that crashed the process still counts.
 */
async function claim(db: Db, id: number, now: Date): Promise<DeliveryRow | undefined> {
  const nowIso = toUtcIso(now);
  return db
    .updateTable("deliveries")
    .set((eb) => ({
      status: "sending",
      lockedUntil: plusMs(now, CLAIM_MS),
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("nextAttemptAt", "<=", nowIso)]),
        eb.and([
          eb("status", "=", "sending"),
          eb("lockedUntil", "<", nowIso),
          eb("attempts", "<", MAX_ATTEMPTS),
        ]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Records how the attempt ended, and where it went: a channel's target may have been fixed since it was queued. */
async function record(
  deps: DispatchDeps,
  row: DeliveryRow,
  target: string,
  error: unknown,
): Promise<keyof DispatchRun> {
  const now = deps.clock.now();
  const lastError =
    error === undefined ? null : (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const outcome: keyof DispatchRun =
    error === undefined
      ? "sent"
      : error instanceof PermanentSendError || row.attempts >= MAX_ATTEMPTS
        ? "failed"
        : "retrying";
  const next =
    outcome === "sent"
      ? { status: "sent" as const, sentAt: toUtcIso(now) }
      : outcome === "failed"
        ? { status: "failed" as const }
        : {
            status: "pending" as const,
            nextAttemptAt: plusMs(now, BACKOFF_MINUTES[row.attempts - 1]! * 60_000),
          };
  // Only while the claim is still ours: a claim that ran out belongs to whoever took it next.
  await deps.db
    .updateTable("deliveries")
    .set({ ...next, target, lockedUntil: null, lastError })
    .where("id", "=", row.id)
    .where("status", "=", "sending")
    .where("lockedUntil", "=", row.lockedUntil)
    .execute();
  return outcome;
}

async function sendOne(deps: DispatchDeps, id: number, run: DispatchRun): Promise<void> {
  const row = await claim(deps.db, id, deps.clock.now());
  if (!row) return;
  let outcome: unknown;
  let target = row.target;
  try {
    const channel = row.channelId === null ? undefined : await findChannelRow(deps.db, row.channelId);
    target = channel?.target ?? row.target;
    await deps.sender.send(row, channel, deps.clock.now());
  } catch (error) {
    outcome = error ?? new Error("the send failed");
  }
  run[await record(deps, row, target, outcome)] += 1;
}

/** Deliveries whose last attempt never finished and that used up their attempts are given up on. */
async function giveUpAbandoned(db: Db, nowIso: string): Promise<void> {
  await db
    .updateTable("deliveries")
    .set({ status: "failed", lockedUntil: null, lastError: `no answer after ${MAX_ATTEMPTS} attempts` })
    .where("status", "=", "sending")
    .where("lockedUntil", "<", nowIso)
    .where("attempts", ">=", MAX_ATTEMPTS)
    .execute();
}

/**
 * Sends every delivery due now that this instance manages to claim: sent on success; on failure retried
 * after 1, 5, 30, 120 and 720 minutes, then failed; the error is kept for admins either way.
 */
export async function dispatchDeliveries(deps: DispatchDeps): Promise<DispatchRun> {
  const run: DispatchRun = { sent: 0, retrying: 0, failed: 0 };
  await giveUpAbandoned(deps.db, toUtcIso(deps.clock.now()));
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const nowIso = toUtcIso(deps.clock.now());
    const due = await deps.db
      .selectFrom("deliveries")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("nextAttemptAt", "<=", nowIso)]),
          eb.and([
            eb("status", "=", "sending"),
            eb("lockedUntil", "<", nowIso),
            eb("attempts", "<", MAX_ATTEMPTS),
          ]),
        ]),
      )
      .orderBy("nextAttemptAt")
      .orderBy("id")
      .limit(BATCH)
      .execute();
    for (let i = 0; i < due.length; i += PARALLEL_SENDS) {
      await Promise.all(due.slice(i, i + PARALLEL_SENDS).map((d) => sendOne(deps, d.id, run)));
    }
    if (due.length < BATCH) break;
  }
  return run;
}
