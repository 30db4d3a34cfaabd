import type { Db, Trx } from "../db/connect.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { parseIncidentKey } from "../incidents/incident.repository.ts";
import type { Clock } from "../shared/clock.ts";
import { toUtcIso } from "../shared/time.ts";
import { channelsFor } from "./channel.repository.ts";
import { queueDeliveries } from "./delivery.repository.ts";
import { eventMessage, incidentLink } from "./message.ts";
import type { NotificationKind } from "./notification.ts";

export interface EventDeps {
  db: Db;
  clock: Clock;
  publicUrl?: string | undefined;
}

export interface EventRun {
  events: number;
  deliveries: number;
}

const BATCH = 100;
const MAX_BATCHES = 20;

async function incidentFacts(trx: Trx, subject: string) {
  const number = parseIncidentKey(subject);
  if (number === undefined) return undefined;
  const row = await trx
    .selectFrom("incidents")
    .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
    .select(["incidents.number", "incidents.title", "incidents.severity", "postmortems.summary"])
    .where("incidents.number", "=", number)
    .executeTakeFirst();
  return (
    row && {
      key: formatIncidentKey(row.number),
      title: row.title,
      severity: row.severity,
      summary: row.summary,
    }
  );
}

/** Marks the event dispatched and queues its deliveries in one transaction; false if another instance did. */
async function fanOut(deps: EventDeps, id: number, run: EventRun): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const nowIso = toUtcIso(deps.clock.now());
    const claimed = await trx
      .updateTable("events")
      .set({ dispatchedAt: nowIso })
      .where("id", "=", id)
      .where("dispatchedAt", "is", null)
      .returningAll()
      .executeTakeFirst();
    if (!claimed) return;
    const kind = claimed.kind as NotificationKind;
    const payload = JSON.parse(claimed.payload) as Record<string, unknown>;
    const incident = await incidentFacts(trx, claimed.subject);
    const message = eventMessage(
      { id: claimed.id, kind, subject: claimed.subject, occurredAt: claimed.occurredAt, payload },
      incident,
      incident ? incidentLink(deps.publicUrl, incident.key) : null,
    );
    const channels = await channelsFor(trx, kind);
    run.events += 1;
    run.deliveries += await queueDeliveries(
      trx,
      channels.map((channel) => ({
        dedupeKey: `event:${claimed.id}:channel:${channel.id}`,
        channelKind: channel.kind,
        channelId: channel.id,
        target: channel.target,
        message,
      })),
      nowIso,
    );
  });
}

/**
 * Announces recorded events (a post-mortem published…) on every channel subscribed to their kind: each
 * event is fanned out by exactly one instance, however many run this at once.
 */
export async function dispatchEvents(deps: EventDeps): Promise<EventRun> {
  const run: EventRun = { events: 0, deliveries: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const pending = await deps.db
      .selectFrom("events")
      .select("id")
      .where("dispatchedAt", "is", null)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    for (const event of pending) await fanOut(deps, event.id, run);
    if (pending.length < BATCH) break;
  }
  return run;
}
