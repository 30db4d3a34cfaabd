import type { Ctx } from "../shared/context.ts";
import { decodeCursor, encodeCursor } from "../shared/cursor.ts";
import { parseInput } from "../shared/validate.ts";
import { CANDIDATES, type SearchFilters } from "./filters.ts";
import { isSqliteDb } from "./index-incident.ts";
import { listLibrary } from "./list-library.ts";
import { parseSearchQuery } from "./parse-query.ts";
import { searchPostgres } from "./postgres-search.ts";
import { SearchQuery, toHit, type SearchResults } from "./search.ts";
import { toSnippets } from "./snippets.ts";
import { searchSqlite } from "./sqlite-search.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day `to` includes the whole day: the bound becomes the next midnight (UTC). */
function bounds(from: string | undefined, to: string | undefined): Pick<SearchFilters, "from" | "to"> {
  const isDay = (value: string) => value.length === 10;
  const toBound =
    to && isDay(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10) : to;
  return {
    from: from && isDay(from) ? `${from}T00:00:00Z` : from,
    to: toBound && isDay(toBound) ? `${toBound}T00:00:00Z` : toBound,
  };
}

/**
 * Finds the post-mortems that contain every word of the query, best match first (a title match outranks the
 * same words in the timeline), with the matched words marked in snippets; any text is a valid query. Without
 * a query, lists the post-mortems matching the filters, latest incident first.
 */
export async function searchPostmortems(ctx: Ctx, raw: SearchQuery): Promise<SearchResults> {
  const query = parseInput(SearchQuery, raw);
  const filters: SearchFilters = {
    severity: query.severity,
    status: query.status,
    service: query.service,
    tag: query.tag,
    ...bounds(query.from, query.to),
  };
  if (query.q === undefined) {
    // The count and the page from one snapshot.
    return ctx.db.transaction().execute((trx) => listLibrary(trx, filters, query.limit, query.cursor));
  }
  const clauses = parseSearchQuery(query.q);
  const offset = query.cursor ? (decodeCursor(query.cursor, ["number"])[0] as number) : 0;
  if (clauses.length === 0) return { items: [], nextCursor: null, total: 0, totalIsLowerBound: false };
  const page = await (isSqliteDb(ctx.db) ? searchSqlite : searchPostgres)(
    ctx.db,
    clauses,
    filters,
    query.limit,
    offset,
  );
  const items = page.rows.map((row) => toHit(row, row.score, toSnippets(row.marked)));
  const next = offset + items.length;
  return {
    items,
    nextCursor:
      items.length === query.limit && next < Math.min(page.total, CANDIDATES) ? encodeCursor([next]) : null,
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
  };
}
