import type { Executor } from "../db/connect.ts";
import { incidentHasLabel } from "../incidents/incident.repository.ts";
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
    .selectFrom("incidents")
    .innerJoin("postmortems", "postmortems.incidentId", "incidents.id")
    .where((eb) =>
      eb.and([
        ...(filters.severity?.length
          ? [eb("incidents.severity", "in", filters.severity as PageRow["severity"][])]
          : []),
        ...(filters.status?.length
          ? [eb("postmortems.status", "in", filters.status as PageRow["postmortemStatus"][])]
          : []),
        ...(filters.service ? [incidentHasLabel(eb, "service", filters.service)] : []),
        ...(filters.tag ? [incidentHasLabel(eb, "tag", filters.tag)] : []),
        ...(filters.from ? [eb("incidents.startedAt", ">=", filters.from)] : []),
        ...(filters.to ? [eb("incidents.startedAt", "<", filters.to)] : []),
      ]),
    );
  const [counted, rows] = await Promise.all([
    matching
      .select("incidents.id")
      .limit(COUNT_CAP + 1)
      .execute(),
    matching
      .select([
        "incidents.id",
        "incidents.number",
        "incidents.title",
        "incidents.severity",
        "incidents.status",
        "incidents.startedAt",
        "postmortems.status as postmortemStatus",
      ])
      .$if(after !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb("incidents.startedAt", "<", after![0]),
            eb.and([eb("incidents.startedAt", "=", after![0]), eb("incidents.id", "<", after![1])]),
          ]),
        ),
      )
      .orderBy("incidents.startedAt", "desc")
      .orderBy("incidents.id", "desc")
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
