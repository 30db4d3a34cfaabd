import type { Ctx } from "../../shared/context.ts";
import { DomainError } from "../../shared/errors.ts";
import { loadPostmortemRecord } from "./postmortem-record.ts";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { CONTENT_TYPES, ExportFormat, ExportFormats } from "./export-format.ts";

export interface ExportedDocument {
  contentType: string;
  /** `INC-42.md`: the incident key and the format's extension. */
  filename: string;
  body: string;
}

/** Renders an incident's whole post-mortem from one consistent snapshot; the same data gives the same bytes. */
export async function exportPostmortem(ctx: Ctx, key: string, format: string): Promise<ExportedDocument> {
  const parsed = ExportFormat.safeParse(format);
  if (!parsed.success) throw DomainError.validation("format", `must be one of ${ExportFormats.join(", ")}`);
  const record = await ctx.db.transaction().execute((trx) => loadPostmortemRecord(trx, ctx.clock, key));
  const body =
    parsed.data === "md"
      ? renderMarkdown(record)
      : parsed.data === "json"
        ? `${JSON.stringify(record, null, 2)}\n`
        : renderHtml(record);
  return { contentType: CONTENT_TYPES[parsed.data], filename: `${record.incident.key}.${parsed.data}`, body };
}
