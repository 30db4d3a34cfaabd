import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { getDeliveryRowOrThrow, toDelivery } from "./delivery.repository.ts";
import type { Delivery } from "./notification.ts";

/**
 * Queues a failed or waiting delivery to be sent at the next pass, with a fresh set of attempts; a sent
 * one, or one being sent right now, is refused (CONFLICT) so nothing goes out twice.
 */
export async function retryDelivery(ctx: Ctx, id: number): Promise<Delivery> {
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await getDeliveryRowOrThrow(trx, id);
    if (row.status === "sent")
      throw new DomainError("CONFLICT", `delivery ${id} was already sent at ${row.sentAt}`);
    if (row.status === "sending") throw new DomainError("CONFLICT", `delivery ${id} is being sent right now`);
    const updated = await trx
      .updateTable("deliveries")
      .set({ status: "pending", attempts: 0, nextAttemptAt: nowIso, lockedUntil: null })
      .where("id", "=", id)
      .where("status", "=", row.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw new DomainError("CONFLICT", `delivery ${id} changed at the same time; reload and try again`);
    return toDelivery(updated);
  });
}
