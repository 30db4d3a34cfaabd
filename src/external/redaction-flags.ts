import type { Executor } from "../db/connect.ts";
import type { ExternalVersionsTable } from "../db/database.ts";
import type { Selectable } from "kysely";
import { ExternalFields, type ExternalField, type RedactionFlag } from "./external-version.ts";
import { findRedactions, internalDomainsFromEnv, type RedactionFinding } from "./redaction/index.ts";

type ExternalTexts = Pick<Selectable<ExternalVersionsTable>, ExternalField>;

let domainsCache: { raw: string | undefined; domains: string[] } | undefined;

// Read from the environment on first use and again only if the variable changed (tests set it).
function internalDomains(): string[] {
  const raw = process.env.HINDSIGHT_INTERNAL_DOMAINS;
  if (!domainsCache || domainsCache.raw !== raw) {
    domainsCache = { raw, domains: internalDomainsFromEnv(process.env) };
  }
  return domainsCache.domains;
}

/** What the redaction check finds in the texts: people are the display names of Hindsight's users. */
export async function findingsOf(db: Executor, texts: ExternalTexts): Promise<RedactionFinding[]> {
  const users = await db.selectFrom("users").select("name").execute();
  const fields = Object.fromEntries(ExternalFields.map((field) => [field, texts[field]]));
  return findRedactions(fields, { knownNames: users.map((u) => u.name), internalDomains: internalDomains() });
}

const keyOf = (f: { field: string; kind: string; match: string }) =>
  JSON.stringify([f.field, f.kind, f.match]);

/**
 * The flags of a version as of now: every finding in its current text, each marked dismissed when someone
 * dismissed that (field, kind, match) with a reason. Dismissals of text that is gone simply match nothing.
 */
export async function flagsOf(
  db: Executor,
  externalVersionId: number,
  texts: ExternalTexts,
): Promise<RedactionFlag[]> {
  const findings = await findingsOf(db, texts);
  const dismissals = await db
    .selectFrom("redactionDismissals")
    .select(["field", "kind", "match", "reason", "dismissedBy", "dismissedAt"])
    .where("externalVersionId", "=", externalVersionId)
    .execute();
  const byKey = new Map(dismissals.map((d) => [keyOf(d), d]));
  return findings.map((finding) => {
    const dismissal = byKey.get(keyOf(finding));
    return {
      field: finding.field as ExternalField,
      kind: finding.kind,
      match: finding.match,
      start: finding.start,
      end: finding.end,
      message: finding.message,
      dismissed: dismissal
        ? { reason: dismissal.reason, by: dismissal.dismissedBy, at: dismissal.dismissedAt }
        : null,
    };
  });
}

/** Forgets dismissals whose flagged text no longer occurs, so the same words typed again are checked again. */
export async function pruneDismissals(
  db: Executor,
  externalVersionId: number,
  findings: readonly RedactionFinding[],
): Promise<void> {
  const live = new Set(findings.map(keyOf));
  const dismissals = await db
    .selectFrom("redactionDismissals")
    .select(["id", "field", "kind", "match"])
    .where("externalVersionId", "=", externalVersionId)
    .execute();
  const stale = dismissals.filter((d) => !live.has(keyOf(d))).map((d) => d.id);
  if (stale.length > 0) await db.deleteFrom("redactionDismissals").where("id", "in", stale).execute();
}
