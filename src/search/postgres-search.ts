import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../db/connect.ts";
import {
  CANDIDATES,
  cappedTotal,
  COUNT_CAP,
  facetGroups,
  sortLabels,
  type PageRow,
  type ScoredPage,
  type SearchFilters,
} from "./filters.ts";
import type { Clause } from "./parse-query.ts";
import { markSections, markTerms } from "./mark-text.ts";
import { choosePlan, tokenStats, type PostgresPlan } from "./postgres-plan.ts";
import { SNIPPET_COLUMNS } from "./snippets.ts";

/** The clauses as one tsquery; words are letters and digits only, and every value is a bound parameter. */
function textQuery(clauses: readonly Clause[]): RawBuilder<unknown> {
  const parts = clauses.map((clause) => {
    const phrase = clause.prefix ? clause.words.slice(0, -1) : clause.words;
    const exact = phrase.length > 0 ? sql`phraseto_tsquery('english', ${phrase.join(" ")})` : null;
    if (!clause.prefix) return exact!;
    const prefix = sql`to_tsquery('english', ${`${clause.words.at(-1)!}:*`})`;
    return exact ? sql`tsquery_phrase(${exact}, ${prefix})` : prefix;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** Every group must hold one of its tokens, as a 'simple' tsquery (the tokens are letters and digits). */
function facetQuery(groups: readonly (readonly string[])[]): RawBuilder<unknown> {
  return sql`to_tsquery('simple', ${groups.map((g) => `(${g.join(" | ")})`).join(" & ")})`;
}

/** The date bounds on a row's start; the checks come first (see newestMatches). */
function dateChecks(filters: SearchFilters, table: string): RawBuilder<unknown> {
  const column = sql.ref(`${table}.started_at`);
  return sql`${filters.from ? sql`${column} >= ${filters.from} and` : sql``}
    ${filters.to ? sql`${column} < ${filters.to} and` : sql``}`;
}

/** The ids of the newest COUNT_CAP + 1 matches, newest first, by the plan chosen (see postgres-plan.ts). */
function newestMatches(
  clauses: readonly Clause[],
  filters: SearchFilters,
  plan: PostgresPlan,
): RawBuilder<unknown> {
  const walked = facetGroups(filters, true);
  if (plan === "facet-walk" && walked.length > 0) {
    // The date tokens narrow the walk too; a bound inside a month is still checked on the row.
    return sql`select f.incident_id as id from search_documents f
      cross join lateral (select 1 from search_documents d where d.incident_id = f.incident_id
        and ${dateChecks(filters, "d")} d.tsv @@ ${textQuery(clauses)} limit 1) hit
      where f.facet_tsv @@ ${facetQuery(walked)}
      order by f.incident_id desc limit ${COUNT_CAP + 1}`;
  }
  // Date bounds stay column comparisons on the row the walk reads anyway: as tokens they slow the GIN scan.
  // The date checks come first: PostgreSQL keeps this order among equally cheap quals, and a row outside the
  // range then skips the tsvector match (15-20% of a date-filtered walk).
  const groups = facetGroups(filters, false);
  const facets = groups.length > 0 ? sql` && ${facetQuery(groups)}` : sql``;
  return sql`select incident_id as id from search_documents d
    where ${dateChecks(filters, "d")} tsv @@ (${textQuery(clauses)}${facets})
    order by incident_id desc limit ${COUNT_CAP + 1}`;
}

// Past this many characters of a section a match is found but not marked (a long imported timeline).
const MARK_CHARS = 5_000;

/**
 * One page of matching post-mortems, best first by cover density over weighted sections (title highest), each
 * with its sections marked, and how many match (counted up to COUNT_CAP); past CANDIDATES matches, the newest
 * CANDIDATES are the ones ranked. One statement, so one snapshot and one round trip: the walk gives the count
 * and the newest matches (for a common word the planner walks the primary key backwards and stops early, for
 * a rare one it reads the GIN index and sorts the few matches), ts_rank_cd scores those by key (the tsvector
 * is stored in the row), and only the page's rows are joined to their incident and texts.
 */
export async function searchPostgres(
  db: Executor,
  clauses: readonly Clause[],
  filters: SearchFilters,
  limit: number,
  offset: number,
  plan?: PostgresPlan,
): Promise<ScoredPage> {
  const groups = facetGroups(filters, true);
  const chosen = plan ?? (groups.length > 0 ? choosePlan(await tokenStats(db), clauses, groups) : "planner");
  // Each section its own column: a text array would be parsed character by character on the way back.
  const sections = SNIPPET_COLUMNS.map(
    ([, column], i) => sql`left(d.${sql.ref(column)}, ${sql.lit(MARK_CHARS)}) as ${sql.raw(`s${i}`)}`,
  );
  const result = await sql<
    { total: number } & ((Omit<PageRow, "marked"> & { score: number } & Record<`s${number}`, string>) | Nulls)
  >`with newest as materialized (${newestMatches(clauses, filters, chosen)}),
    ranked as (
      select incident_id as id, ts_rank_cd(tsv, ${textQuery(clauses)}) as score from search_documents
      where incident_id in (select id from newest order by id desc limit ${CANDIDATES})),
    page as materialized (select id, score from ranked order by score desc, id desc limit ${limit} offset ${offset})
    select c.total, hit.* from (select count(*)::int as total from newest) c left join (
      select page.score, i.id, i.number, i.title, i.severity, i.status, i.started_at as "startedAt",
        p.status as "postmortemStatus",
        coalesce((select json_agg(json_build_object('kind', l.kind, 'value', l.value))
          from incident_labels l where l.incident_id = i.id), '[]') as labels,
        ${sql.join(sections)}
      from page join incidents i on i.id = page.id join postmortems p on p.incident_id = i.id
        join search_documents d on d.incident_id = i.id
    ) hit on true
    order by hit.score desc, hit.id desc`.execute(db.withoutPlugins());
  const total = cappedTotal(result.rows[0]?.total ?? 0);
  const terms = markTerms(clauses);
  const rows = result.rows.flatMap((row) =>
    row.id === null
      ? []
      : [
          {
            id: row.id,
            number: row.number,
            title: row.title,
            severity: row.severity,
            status: row.status,
            startedAt: row.startedAt,
            postmortemStatus: row.postmortemStatus,
            labels: sortLabels(row.labels),
            score: Number(row.score),
            marked: markSections(
              Object.fromEntries(SNIPPET_COLUMNS.map(([, column], i) => [column, row[`s${i}`] ?? ""])),
              terms,
            ),
          },
        ],
  );
  return { rows, ...total };
}

/** The statement's one row when nothing is on the page (no match, or an offset past the last). */
type Nulls = { [K in keyof Omit<PageRow, "marked"> | "score"]: null } & Record<`s${number}`, null>;
