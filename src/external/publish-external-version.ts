import { formatIncidentKey } from "../incidents/incident.ts";
import { recordEvent } from "../notify/events.ts";
import { actorName, type Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { assertVersion } from "../shared/version.ts";
import { assertCustomerImpact } from "./create-external-version.ts";
import {
  findPublicationRow,
  getExternalVersionRowOrThrow,
  slugBase,
  insertPublication,
  toExternalVersion,
  saveExternalVersionRow,
} from "./external-version.repository.ts";
import { publicationUrl, type ExternalVersion } from "./external-version.ts";

// An unpublished version keeps its approval (any edit would have made it a draft again).
const PUBLISHABLE: readonly string[] = ["approved", "unpublished"];

/**
 * Publishes the approved customer-facing text: the public pages get a snapshot of it (a new address
 * from the start date and title, or the same address again when republished) and subscribed channels
 * are told. A draft (never approved, or edited since) is a CONFLICT on `status`.
 */
export async function publishExternalVersion(
  ctx: Ctx,
  incidentKey: string,
  expectedVersion?: number,
): Promise<ExternalVersion> {
  const nowIso = toUtcIso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const { incident, row, what } = await getExternalVersionRowOrThrow(trx, incidentKey);
    assertVersion(what, row.version, expectedVersion);
    if (!PUBLISHABLE.includes(row.status)) {
      throw new DomainError(
        "CONFLICT",
        `${what} is ${row.status}; only an approved version can be published`,
        [{ path: "status", message: `is ${row.status}; it must be approved by someone else first` }],
      );
    }
    assertCustomerImpact(incident);

    // The version is claimed first: a second publish of it at the same moment waits on this row, then finds
    // its version moved (a stale write), before it could add a second publication.
    const updated = await saveExternalVersionRow(trx, row, what, { status: "published" }, nowIso);

    const snapshot = {
      title: row.title,
      summary: row.summary,
      impact: row.impact,
      duration: row.duration,
      changes: row.changes,
      incidentStartedAt: incident.startedAt,
      incidentResolvedAt: incident.resolvedAt,
      updatedAt: nowIso,
    };
    const existing = await findPublicationRow(trx, row.id);
    let slug: string;
    if (existing) {
      slug = existing.slug;
      await trx.updateTable("externalPublications").set(snapshot).where("id", "=", existing.id).execute();
    } else {
      slug = await insertPublication(trx, slugBase(incident.startedAt, row.title), {
        externalVersionId: row.id,
        publishedAt: nowIso,
        ...snapshot,
      });
    }

    const key = formatIncidentKey(incident.number);
    await recordEvent(trx, {
      kind: "external.published",
      subject: key,
      payload: {
        incidentKey: key,
        externalTitle: row.title,
        slug,
        path: publicationUrl(slug, undefined),
        publishedAt: existing?.publishedAt ?? nowIso,
        republished: existing !== undefined,
        publishedBy: actorName(ctx.actor),
      },
      occurredAt: nowIso,
    });
    return toExternalVersion(trx, incident, updated);
  });
}
