import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { listIncidents } from "../../incidents/incident.repository.ts";
import { ExportFormats, type ExportFormat } from "../../postmortems/export/export-format.ts";
import { DomainError } from "../../shared/errors.ts";
import { withCliCtx } from "../context.ts";

interface ExportOptions {
  format: ExportFormat;
  output?: string;
  all?: string;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export a post-mortem as Markdown (SPEC §2 template), JSON or a printable HTML page")
    .argument("[key]", "incident key, e.g. INC-42")
    .addOption(new Option("--format <format>", "what to write").choices(ExportFormats).default("md"))
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--all <dir>", "export every incident into this folder, one INC-n.<format> file each")
    .action(async (key: string | undefined, o: ExportOptions) => {
      // The renderers load when exporting, not with every other command.
      const { exportPostmortem } = await import("../../postmortems/export/export-postmortem.ts");
      if (o.all !== undefined) {
        if (key !== undefined || o.output !== undefined) {
          throw DomainError.validation("all", "takes a folder and no incident key or --output");
        }
        const dir = o.all;
        const count = await withCliCtx(async (ctx) => {
          mkdirSync(dir, { recursive: true });
          let written = 0;
          let cursor: string | undefined;
          do {
            const page = await listIncidents(ctx.db, { limit: 500, ...(cursor ? { cursor } : {}) });
            for (const incident of page.items) {
              const exported = await exportPostmortem(ctx, incident.key, o.format);
              writeFileSync(join(dir, exported.filename), exported.body);
              written += 1;
            }
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          return written;
        });
        console.log(
          `Exported ${count} ${count === 1 ? "post-mortem" : "post-mortems"} as ${o.format} to ${dir}`,
        );
        return;
      }
      if (key === undefined) throw DomainError.validation("key", "give an incident key, or --all <dir>");
      const exported = await withCliCtx((ctx) => exportPostmortem(ctx, key, o.format));
      if (o.output === undefined) process.stdout.write(exported.body);
      else writeFileSync(o.output, exported.body);
    });
}
