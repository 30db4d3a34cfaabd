import type { Executor } from "../db/connect.ts";
import type { EventKind } from "./notification.ts";

export { EventKinds, type EventKind } from "./notification.ts";

/**
 * Records that something happened, in the caller's transaction, so the announcement exists exactly when
 * the change does; the notifier dispatches it to the subscribed channels later, once.
 */
export async function recordEvent(
  db: Executor,
  event: { kind: EventKind; subject: string; payload?: Record<string, unknown>; occurredAt: string },
): Promise<void> {
  await db
    .insertInto("events")
    .values({
      kind: event.kind,
      subject: event.subject,
      payload: JSON.stringify(event.payload ?? {}),
      occurredAt: event.occurredAt,
    })
    .execute();
}
