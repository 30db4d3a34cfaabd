import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor } from "../db/connect.ts";
import type { ExternalPublicationsTable, ExternalVersionsTable, IncidentRow } from "../db/database.ts";
import { getIncidentRowOrThrow } from "../incidents/incident.repository.ts";
import { formatIncidentKey } from "../incidents/incident.ts";
import { DomainError } from "../shared/errors.ts";
import { staleWrite } from "../shared/version.ts";
import { publicationUrl, type ExternalVersion } from "./external-version.ts";
import { flagsOf } from "./redaction-flags.ts";

export type ExternalVersionRow = Selectable<ExternalVersionsTable>;
export type ExternalPublicationRow = Selectable<ExternalPublicationsTable>;

export function findExternalVersionRow(
  db: Executor,
  incidentId: number,
): Promise<ExternalVersionRow | undefined> {
  return db
    .selectFrom("externalVersions")
    .selectAll()
    .where("incidentId", "=", incidentId)
    .executeTakeFirst();
}

/** The incident and its external version; NOT_FOUND when either does not exist. */
export async function getExternalVersionRowOrThrow(
  db: Executor,
  incidentKey: string,
): Promise<{ incident: IncidentRow; row: ExternalVersionRow; what: string }> {
  const incident = await getIncidentRowOrThrow(db, incidentKey);
  const key = formatIncidentKey(incident.number);
  const row = await findExternalVersionRow(db, incident.id);
  if (!row) throw DomainError.notFound(`the external version of ${key}`);
  return { incident, row, what: `the external version of ${key}` };
}

export function findPublicationRow(
  db: Executor,
  externalVersionId: number,
): Promise<ExternalPublicationRow | undefined> {
  return db
    .selectFrom("externalPublications")
    .selectAll()
    .where("externalVersionId", "=", externalVersionId)
    .executeTakeFirst();
}

async function userRef(db: Executor, id: number | null): Promise<{ id: number; name: string } | null> {
  if (id === null) return null;
  const user = await db.selectFrom("users").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
  return user ?? null;
}

/**
 * Writes `changes` over the row as read, moving its version on; a writer that changed it in between wins
 * and this one is a stale write (PRECONDITION_FAILED naming `what`).
 */
export async function saveExternalVersionRow(
  trx: Executor,
  row: ExternalVersionRow,
  what: string,
  changes: Omit<Updateable<ExternalVersionsTable>, "version" | "updatedAt">,
  nowIso: string,
): Promise<ExternalVersionRow> {
  const updated = await trx
    .updateTable("externalVersions")
    .set({ ...changes, version: row.version + 1, updatedAt: nowIso })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleWrite(what);
  return updated;
}

/** The external version as the API returns it, flags computed from its current text. */
export async function toExternalVersion(
  db: Executor,
  incident: IncidentRow,
  row: ExternalVersionRow,
): Promise<ExternalVersion> {
  const flags = await flagsOf(db, row.id, row);
  const publication = await findPublicationRow(db, row.id);
  return {
    incidentKey: formatIncidentKey(incident.number),
    title: row.title,
    summary: row.summary,
    impact: row.impact,
    duration: row.duration,
    changes: row.changes,
    status: row.status,
    author: await userRef(db, row.authorUserId),
    approvedBy: await userRef(db, row.approvedByUserId),
    approvedAt: row.approvedAt,
    flags,
    openFlags: flags.filter((flag) => flag.dismissed === null).length,
    publication: publication
      ? {
          slug: publication.slug,
          url: publicationUrl(publication.slug, undefined),
          publishedAt: publication.publishedAt,
          updatedAt: publication.updatedAt,
        }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function getExternalVersionOrThrow(db: Executor, incidentKey: string): Promise<ExternalVersion> {
  const { incident, row } = await getExternalVersionRowOrThrow(db, incidentKey);
  return toExternalVersion(db, incident, row);
}

const MAX_SLUG_WORDS = 8;
const MAX_SLUG_TITLE = 60;

/** `2026-03-18` + "Checkout errors — EU" → `2026-03-18-checkout-errors-eu`: ASCII, lower case, hyphens. */
export function slugBase(startedAt: string, title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS);
  let text = "";
  for (const word of words) {
    const next = text ? `${text}-${word}` : word;
    if (next.length > MAX_SLUG_TITLE) break;
    text = next;
  }
  return `${startedAt.slice(0, 10)}-${text || "incident"}`;
}

/** `base`, or `base-2`, `base-3`… : the first one no other publication uses. */
export async function uniqueSlug(db: Executor, base: string): Promise<string> {
  const taken = await db
    .selectFrom("externalPublications")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  const used = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

const SLUG_ATTEMPTS = 5;

/**
 * Inserts a publication at the first free address from `base`. Another report with the same date and
 * title may take that address between our look-up and our insert (concurrent transactions do not see
 * each other's rows): the insert then does nothing instead of failing, and the next free one is taken.
 */
export async function insertPublication(
  trx: Executor,
  base: string,
  values: Omit<Insertable<ExternalPublicationsTable>, "slug">,
): Promise<string> {
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt += 1) {
    const slug = await uniqueSlug(trx, base);
    const inserted = await trx
      .insertInto("externalPublications")
      .values({ ...values, slug })
      // On PostgreSQL this waits for the other transaction and skips the row if it committed that slug.
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) return slug;
  }
  throw new DomainError("CONFLICT", `no free address for ${base}: too many reports published at once`);
}
