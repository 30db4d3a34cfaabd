import type { Ctx } from "../shared/context.ts";
import { STILL_TO_DO, utcToday } from "./action-item.repository.ts";
import type { ServiceActionCounts, ServiceActionCountsList } from "./action-item.ts";

/**
 * Counts each service's action items (open, overdue by the clock's UTC date, done), counting an item
 * once for every service of its incident; most overdue first, then most open, then by name.
 */
export async function countActionItemsByService(ctx: Ctx): Promise<ServiceActionCountsList> {
  const today = utcToday(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("actionItems")
      .innerJoin("postmortems", "postmortems.id", "actionItems.postmortemId")
      .innerJoin("incidentLabels", (join) =>
        join
          .onRef("incidentLabels.incidentId", "=", "postmortems.incidentId")
          .on("incidentLabels.kind", "=", "service"),
      )
      .select((eb) => [
        "incidentLabels.value as service",
        eb.fn.countAll<number | string>().filterWhere("actionItems.status", "in", STILL_TO_DO).as("open"),
        eb.fn
          .countAll<number | string>()
          .filterWhere((f) =>
            f.and([f("actionItems.status", "in", STILL_TO_DO), f("actionItems.dueDate", "<", today)]),
          )
          .as("overdue"),
        eb.fn.countAll<number | string>().filterWhere("actionItems.status", "=", "done").as("done"),
      ])
      .groupBy("incidentLabels.value")
      .execute();
    const items: ServiceActionCounts[] = rows.map((row) => ({
      service: row.service,
      open: Number(row.open),
      overdue: Number(row.overdue),
      done: Number(row.done),
    }));
    // Names sorted here rather than in SQL, so the order is the same whatever the database's collation.
    items.sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.open - a.open ||
        (a.service < b.service ? -1 : a.service > b.service ? 1 : 0),
    );
    return { items };
  });
}
