import type { Executor } from "../db/connect.ts";
import type { ExternalPublicationRow } from "../external/external-version.repository.ts";

// The public pages and the feed read this table and nothing else: a snapshot of approved text, taken at
// publish time, so no draft and no internal field can reach them.

export type Publication = Omit<ExternalPublicationRow, "id" | "externalVersionId">;

const COLUMNS = [
  "slug",
  "title",
  "summary",
  "impact",
  "duration",
  "changes",
  "incidentStartedAt",
  "incidentResolvedAt",
  "publishedAt",
  "updatedAt",
] as const;

/** Publications, newest first. */
export function listPublications(db: Executor, limit: number): Promise<Publication[]> {
  return db
    .selectFrom("externalPublications")
    .select(COLUMNS)
    .orderBy("publishedAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export function findPublication(db: Executor, slug: string): Promise<Publication | undefined> {
  return db.selectFrom("externalPublications").select(COLUMNS).where("slug", "=", slug).executeTakeFirst();
}
