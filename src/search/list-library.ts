import type { Executor } from "../db/connect.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { cappedTotal, COUNT_CAP, sortLabels, type PageRow, type SearchFilters } from "./filters.ts";
import { toHit, type SearchResults } from "./search.ts";

/**
 * The library without words: every post-mortem matching the filters, latest incident first (then the one
 * declared last), a page after `cursor`, and how many match (counted up to COUNT_CAP, as search does).
 */
export async function listLibrary(
  db: Executor,
  filters: SearchFilters,
  limit: number,
  cursor: string | undefined,
): Promise<SearchResults> {
  const after = cursor ? (decodeCursor(cursor, ["string", "number"]) as [string, number]) : null;
  const matching = db
    .selectFrom("incidents as i")
    .innerJoin("postmortems as p", "p.incidentId", "i.id")
    .where((eb) => {
      const label = (kind: "service" | "tag", value: string) =>
        eb.exists(
          eb
            .selectFrom("incidentLabels as l")
            .select("l.incidentId")
            .whereRef("l.incidentId", "=", "i.id")
            .where("l.kind", "=", kind)
            .where("l.value", "=", value),
        );
      return eb.and([
        ...(filters.severity?.length
          ? [eb("i.severity", "in", filters.severity as PageRow["severity"][])]
          : []),
        ...(filters.status?.length
          ? [eb("p.status", "in", filters.status as PageRow["postmortemStatus"][])]
          : []),
        ...(filters.service ? [label("service", filters.service)] : []),
        ...(filters.tag ? [label("tag", filters.tag)] : []),
        ...(filters.from ? [eb("i.startedAt", ">=", filters.from)] : []),
        ...(filters.to ? [eb("i.startedAt", "<", filters.to)] : []),
      ]);
    });
  const [counted, rows] = await Promise.all([
    matching
      .select("i.id")
      .limit(COUNT_CAP + 1)
      .execute(),
    matching
      .select([
        "i.id",
        "i.number",
        "i.title",
        "i.severity",
        "i.status",
        "i.startedAt",
        "p.status as postmortemStatus",
      ])
      .$if(after !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb("i.startedAt", "<", after![0]),
            eb.and([eb("i.startedAt", "=", after![0]), eb("i.id", "<", after![1])]),
          ]),
        ),
      )
      .orderBy("i.startedAt", "desc")
      .orderBy("i.id", "desc")
      .limit(limit + 1)
      .execute(),
  ]);
  const page = rows.slice(0, limit);
  const labels =
    page.length === 0
      ? []
      : await db
          .selectFrom("incidentLabels")
          .select(["incidentId", "kind", "value"])
          .where(
            "incidentId",
            "in",
            page.map((row) => row.id),
          )
          .execute();
  const last = page.at(-1);
  return {
    items: page.map((row) =>
      toHit({ ...row, labels: sortLabels(labels.filter((l) => l.incidentId === row.id)) }, 0, []),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.startedAt, last.id]) : null,
    ...cappedTotal(counted.length),
  };
}
