import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ExportFormat } from "../../postmortems/export/export-format.ts";
import { exportPostmortem } from "../../postmortems/export/export-postmortem.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { KeyParams } from "./incidents.routes.ts";

const ExportQuery = z.strictObject({
  format: ExportFormat.default("md").meta({
    description:
      "md: the SPEC §2 Markdown with YAML front matter; json: the whole record; html: a printable page",
  }),
});

export function exportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/incidents/:key/postmortem/export",
      {
        config: { role: "viewer" },
        schema: {
          tags: ["post-mortems"],
          summary: "Download the post-mortem as Markdown, JSON or a printable HTML page",
          params: KeyParams,
          querystring: ExportQuery,
          produces: ["text/markdown", "application/json", "text/html"],
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps.db, deps.clock);
        const exported = await exportPostmortem(ctx, request.params.key, request.query.format);
        return reply
          .type(exported.contentType)
          .header("content-disposition", `attachment; filename="${exported.filename}"`)
          .send(exported.body);
      },
    );
  };
}
