import { createHash } from "node:crypto";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { ownerKey } from "../../actions/action-item.repository.ts";
import type { ActionItemStatus } from "../../actions/action-item.ts";
import type { Trx } from "../../db/connect.ts";
import { createIncident } from "../../incidents/create-incident.ts";
import { assertConsistentTimes, stampStatusTimes } from "../../incidents/incident-times.ts";
import { formatIncidentKey } from "../../incidents/incident.ts";
import {
  findIncidentRow,
  parseIncidentKey,
  getPostmortemRefOrThrow,
  replaceLabels,
} from "../../incidents/incident.repository.ts";
import { inTransaction, type Ctx } from "../../shared/context.ts";
import { DomainError } from "../../shared/errors.ts";
import { isInFuture, toUtcIso } from "../../shared/time.ts";
import { touchTimeline } from "../../timeline/timeline.repository.ts";
import { reindexIncident } from "../../search/index-incident.ts";
import { checklistItem } from "../checklist.ts";
import { loadPostmortemRecord } from "../export/postmortem-record.ts";
import { renderMarkdown } from "../export/render-markdown.ts";
import { parseTemplate, type LineMessage, type ParsedPostmortem } from "./parse-template.ts";
import type { StatedMetric } from "./house-style/incident-times.ts";
import { readHouseStyle, type HouseStyleDocument } from "./house-style/read-house-style.ts";
import { zoneFromLabel } from "./house-style/zone.ts";

export type ImportStatus = "imported" | "updated" | "unchanged";

export interface ImportResult {
  status: ImportStatus;
  key: string;
  warnings: LineMessage[];
}

function invalid(errors: LineMessage[]): DomainError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return new DomainError(
    "VALIDATION",
    `line ${first.line}: ${first.message}${more}`,
    errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
  );
}

/** What the document says that the parser cannot judge alone: times in the future, empty texts. */
function checkAgainstNow(doc: ParsedPostmortem, now: Date): LineMessage[] {
  const errors: LineMessage[] = [];
  for (const entry of doc.timeline) {
    if (entry.text.trim() === "") errors.push({ line: entry.line, message: "a timeline entry needs a text" });
    if (isInFuture(entry.occurredAt, now)) {
      errors.push({ line: entry.line, message: `${entry.occurredAt} is in the future` });
    }
  }
  for (const item of doc.actionItems) {
    if (item.title.trim() === "") errors.push({ line: item.line, message: "an action item needs a title" });
  }
  if (doc.title.trim() === "") errors.push({ line: 1, message: "the title must not be empty" });
  return errors;
}

export interface ImportOptions {
  /** The zone a document's times are in when it states none (a team's convention), e.g. "Europe/London". */
  defaultZone?: string | null;
}

type ImportDocument = ParsedPostmortem &
  Partial<Pick<HouseStyleDocument, "statedDurations" | "importRef" | "keyEvents">>;

/** Hindsight's own template: its front matter format, or its exact header lines (`**Duration:** 14:02 - …`). */
function isTemplate(markdown: string): boolean {
  return (
    /^format:\s*hindsight\.postmortem\.v1\s*$/m.test(markdown) ||
    (/^\*\*Date:\*\* \d/m.test(markdown) &&
      /^\*\*Duration:\*\* \d{1,2}:\d{2}/m.test(markdown) &&
      /^\*\*Severity:\*\* P[1-3]\s*$/m.test(markdown))
  );
}

export interface ReadResult {
  shape: "template" | "house-style";
  document?: ImportDocument;
  errors: LineMessage[];
  warnings: LineMessage[];
}

/**
 * Reads a document without storing it: Hindsight's template exactly, or another team's house style
 * (headings, tables, bold-field lists) into the same shape. Errors and warnings name their lines.
 */
export function readDocument(markdown: string, options: ImportOptions = {}): ReadResult {
  if (isTemplate(markdown)) return { shape: "template", ...parseTemplate(markdown) };
  let defaultZone = null;
  if (options.defaultZone) {
    defaultZone = zoneFromLabel(options.defaultZone);
    if (!defaultZone) throw DomainError.validation("timezone", `"${options.defaultZone}" is not a time zone`);
  }
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(["yaml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
  });
  return { shape: "house-style", ...readHouseStyle(tree, { defaultZone }) };
}

/**
 * Stores a document as an incident and its post-mortem in one transaction: a new incident, or the one it
 * came from before (its front matter key, or for another team's document its title and start date) made to
 * match it; a document with any error stores nothing.
 */
export async function importPostmortem(
  ctx: Ctx,
  markdown: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = readDocument(markdown, options);
  if (!parsed.document) throw invalid(parsed.errors);
  const doc = parsed.document;
  const now = ctx.clock.now();
  const problems = checkAgainstNow(doc, now);
  if (problems.length > 0) throw invalid(problems);
  const warnings = [...parsed.warnings];
  const fm = doc.frontMatter;
  const nowIso = toUtcIso(now);
  const times = stampStatusTimes(
    {
      status: fm.incident.status ?? (doc.resolvedAt ? "resolved" : "open"),
      startedAt: doc.startedAt,
      detectedAt: fm.incident.detectedAt,
      mitigatedAt: fm.incident.mitigatedAt,
      resolvedAt: doc.resolvedAt,
    },
    nowIso,
  );
  assertConsistentTimes(times, now);
  const incidentFields = {
    title: doc.title,
    severity: doc.severity,
    impact: doc.impact,
    customerImpact: fm.incident.customerImpact,
    dataLoss: fm.incident.dataLoss,
    security: fm.incident.security,
    services: fm.incident.services,
    tags: fm.incident.tags,
  };
  // The zone a document is read in is part of what it means: another --timezone re-reads its times.
  const digest = doc.importRef
    ? createHash("sha256")
        .update(`${options.defaultZone ?? ""}\n${markdown}`)
        .digest("hex")
    : null;

  return ctx.db.transaction().execute(async (trx) => {
    const requested = fm.incident.key;
    const existing = doc.importRef
      ? await trx
          .selectFrom("incidents")
          .selectAll()
          .where("importRef", "=", doc.importRef)
          .executeTakeFirst()
      : requested
        ? await findIncidentRow(trx, requested)
        : undefined;
    let key: string;
    if (existing) {
      key = formatIncidentKey(existing.number);
      if (doc.importRef) {
        if (existing.importDigest === digest) return { status: "unchanged" as const, key, warnings };
      } else {
        const current = renderMarkdown(await loadPostmortemRecord(trx, ctx.clock, key));
        if (current === markdown) return { status: "unchanged" as const, key, warnings };
      }
      await trx
        .updateTable("incidents")
        .set({
          ...times,
          title: incidentFields.title,
          severity: incidentFields.severity,
          impact: incidentFields.impact,
          customerImpact: incidentFields.customerImpact ? 1 : 0,
          dataLoss: incidentFields.dataLoss ? 1 : 0,
          security: incidentFields.security ? 1 : 0,
          ...(fm.incident.source ? { source: fm.incident.source } : {}),
          importDigest: digest,
          version: existing.version + 1,
          updatedAt: nowIso,
        })
        .where("id", "=", existing.id)
        .execute();
      await replaceLabels(trx, existing.id, "service", [...new Set(incidentFields.services)].sort());
      await replaceLabels(trx, existing.id, "tag", [...new Set(incidentFields.tags)].sort());
    } else {
      if (requested) {
        warnings.push({
          line: 1,
          message: `${requested} does not exist here; the document became a new incident`,
        });
      }
      const created = await createIncident(inTransaction(ctx, trx), {
        ...incidentFields,
        ...times,
        source: fm.incident.source ?? "markdown-import",
      });
      key = created.key;
      if (doc.importRef) {
        await trx
          .updateTable("incidents")
          .set({ importRef: doc.importRef, importDigest: digest })
          .where("number", "=", parseIncidentKey(key)!)
          .execute();
      }
    }
    await writePostmortem(trx, key, doc, nowIso, warnings);
    await writeProvenance(trx, key, doc.statedDurations, warnings, nowIso);
    return { status: existing ? ("updated" as const) : ("imported" as const), key, warnings };
  });
}

/** The durations the document stated and the warnings its import gave, kept with the post-mortem. */
async function writeProvenance(
  trx: Trx,
  key: string,
  stated: readonly StatedMetric[] | undefined,
  warnings: readonly LineMessage[],
  nowIso: string,
): Promise<void> {
  const { postmortemId } = await getPostmortemRefOrThrow(trx, key);
  // Hindsight's own template does not carry them: re-importing an export keeps what the first import read.
  if (stated) await trx.deleteFrom("statedDurations").where("postmortemId", "=", postmortemId).execute();
  await trx.deleteFrom("importWarnings").where("postmortemId", "=", postmortemId).execute();
  if (stated && stated.length > 0) {
    await trx
      .insertInto("statedDurations")
      .values(
        stated.map((s, position) => ({
          postmortemId,
          position,
          metric: s.metric,
          label: s.label,
          raw: s.raw,
          minutes: s.minutes,
          note: s.note,
        })),
      )
      .execute();
  }
  if (warnings.length > 0) {
    await trx
      .insertInto("importWarnings")
      .values(
        warnings.map((w, position) => ({
          postmortemId,
          position,
          line: w.line,
          message: w.message,
          createdAt: nowIso,
        })),
      )
      .execute();
  }
}

function itemStatus(
  item: ParsedPostmortem["actionItems"][number],
  given: ActionItemStatus | undefined,
): ActionItemStatus {
  if (item.checked) return item.struck ? "wont_do" : given === "wont_do" ? "wont_do" : "done";
  return given === "in_progress" ? "in_progress" : "open";
}

/** Replaces every part of the post-mortem with what the document says. */
async function writePostmortem(
  trx: Trx,
  key: string,
  doc: ParsedPostmortem,
  nowIso: string,
  warnings: LineMessage[],
): Promise<void> {
  const fm = doc.frontMatter;
  const { incidentId, postmortemId } = await getPostmortemRefOrThrow(trx, key);

  await trx.deleteFrom("timelineEntries").where("incidentId", "=", incidentId).execute();
  if (fm.timeline && fm.timeline.length !== doc.timeline.length) {
    warnings.push({
      line: 1,
      message: `the front matter describes ${fm.timeline.length} timeline entries, the body has ${doc.timeline.length}`,
    });
  }
  for (const [i, entry] of doc.timeline.entries()) {
    const meta = fm.timeline?.[i];
    await trx
      .insertInto("timelineEntries")
      .values({
        incidentId,
        occurredAt: entry.occurredAt,
        kind: meta?.kind ?? "event",
        text: entry.text,
        author: meta?.author ?? null,
        authorUserId: null,
        source: meta?.source ?? "markdown-import",
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .execute();
  }
  await touchTimeline(trx, incidentId);

  const pm = fm.postmortem;
  const current = await trx
    .selectFrom("postmortems")
    .select("version")
    .where("id", "=", postmortemId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("postmortems")
    .set({
      status: pm.status,
      requiredDecision: pm.required.decision,
      requiredReason: pm.required.decision === null ? null : pm.required.reason,
      summary: pm.summary,
      rootCause: doc.rootCause,
      detection: doc.detection,
      resolution: doc.resolution,
      publishedAt: pm.publishedAt,
      closedAt: pm.closedAt,
      version: current.version + 1,
      updatedAt: nowIso,
    })
    .where("id", "=", postmortemId)
    .execute();
  const byPostmortem = { postmortemId } as const;
  await trx.deleteFrom("contributingFactors").where("postmortemId", "=", postmortemId).execute();
  await trx.deleteFrom("lessons").where("postmortemId", "=", postmortemId).execute();
  await trx.deleteFrom("appendixLinks").where("postmortemId", "=", postmortemId).execute();
  if (doc.contributingFactors.length > 0) {
    await trx
      .insertInto("contributingFactors")
      .values(doc.contributingFactors.map((text, position) => ({ ...byPostmortem, position, text })))
      .execute();
  }
  for (const [kind, list] of [
    ["went_well", doc.wentWell],
    ["to_improve", doc.toImprove],
  ] as const) {
    if (list.length === 0) continue;
    await trx
      .insertInto("lessons")
      .values(list.map((text, position) => ({ ...byPostmortem, kind, position, text })))
      .execute();
  }
  if (doc.appendix.length > 0) {
    await trx
      .insertInto("appendixLinks")
      .values(doc.appendix.map((link, position) => ({ ...byPostmortem, position, ...link })))
      .execute();
  }

  await trx.deleteFrom("checklistTicks").where("postmortemId", "=", postmortemId).execute();
  for (const tick of pm.checklist) {
    await trx
      .insertInto("checklistTicks")
      .values({
        postmortemId,
        itemKey: tick.item,
        phase: checklistItem(tick.item).phase,
        tickedBy: tick.tickedBy,
        tickedByUserId: null,
        tickedAt: tick.tickedAt,
      })
      .onConflict((oc) => oc.columns(["postmortemId", "itemKey"]).doNothing())
      .execute();
  }

  const meeting = await trx
    .selectFrom("meetings")
    .select("version")
    .where("postmortemId", "=", postmortemId)
    .executeTakeFirst();
  await trx.deleteFrom("meetings").where("postmortemId", "=", postmortemId).execute();
  if (fm.meeting) {
    const { attendees, notes, ...fields } = fm.meeting;
    await trx
      .insertInto("meetings")
      .values({
        postmortemId,
        ...fields,
        notes: JSON.stringify(notes),
        version: (meeting?.version ?? 0) + 1,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .execute();
    if (attendees.length > 0) {
      await trx
        .insertInto("meetingAttendees")
        .values(attendees.map((a, position) => ({ postmortemId, position, name: a.name, email: a.email })))
        .execute();
    }
  }

  await trx.deleteFrom("actionItems").where("postmortemId", "=", postmortemId).execute();
  await trx.deleteFrom("whyNodes").where("postmortemId", "=", postmortemId).execute();
  const whyOfItem = new Map<number, number>();
  const addWhys = async (nodes: typeof fm.fiveWhys, parentId: number | null) => {
    for (const [position, node] of nodes.entries()) {
      const { id } = await trx
        .insertInto("whyNodes")
        .values({ postmortemId, parentId, position, text: node.text, createdAt: nowIso, updatedAt: nowIso })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (node.actionItem !== null) {
        if (node.actionItem > doc.actionItems.length) {
          warnings.push({
            line: 1,
            message: `a why names action item ${node.actionItem}, which does not exist`,
          });
        } else whyOfItem.set(node.actionItem, id);
      }
      await addWhys(node.children, id);
    }
  };
  await addWhys(fm.fiveWhys, null);

  if (fm.actionItems && fm.actionItems.length !== doc.actionItems.length) {
    warnings.push({
      line: 1,
      message: `the front matter describes ${fm.actionItems.length} action items, the body has ${doc.actionItems.length}`,
    });
  }
  for (const [i, item] of doc.actionItems.entries()) {
    const meta = fm.actionItems?.[i];
    const status = itemStatus(item, meta?.status);
    if (meta?.status && meta.status !== status) {
      warnings.push({
        line: item.line,
        message: `the check box says ${status}; the front matter's ${meta.status} was not used`,
      });
    }
    const owner = meta?.owner !== undefined ? meta.owner : item.owner;
    await trx
      .insertInto("actionItems")
      .values({
        postmortemId,
        whyNodeId: whyOfItem.get(i + 1) ?? null,
        title: meta?.title ?? item.title,
        owner,
        ownerKey: ownerKey(owner),
        dueDate: meta?.due !== undefined ? meta.due : item.dueDate,
        type: meta?.type ?? "prevent",
        priority: meta?.priority ?? "medium",
        status,
        wontDoReason: meta?.wontDoReason ?? null,
        externalUrl: meta?.externalUrl ?? null,
        completedAt: meta ? meta.completedAt : status === "done" ? nowIso : null,
        position: i,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .execute();
  }
  await reindexIncident(trx, incidentId);
}
