import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importPostmortem } from "../../postmortems/import/import-postmortem.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";

const MARKDOWN_LIMIT_BYTES = 1024 * 1024;

const LineMessage = z.object({ line: z.number().int(), message: z.string() });
const ImportResponse = z.object({
  status: z.enum(["imported", "updated", "unchanged"]),
  key: z.string().meta({ example: "INC-42" }),
  warnings: z.array(LineMessage).meta({ description: "What was read with a doubt; the line is 1-based" }),
});

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // text/plain already reads as a string; Markdown does the same.
    app.addContentTypeParser(
      "text/markdown",
      { parseAs: "string", bodyLimit: MARKDOWN_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.post(
      "/api/v1/import",
      {
        config: { role: "editor" },
        bodyLimit: MARKDOWN_LIMIT_BYTES,
        schema: {
          tags: ["post-mortems"],
          summary:
            "Import one post-mortem: Hindsight's Markdown template (docs/TEMPLATE.md) or another team's house style",
          description:
            "A new document becomes a new incident (201); one whose front matter names an existing incident updates it (200). A document with an error stores nothing.",
          consumes: ["text/markdown", "text/plain"],
          querystring: z.strictObject({
            timezone: z.string().max(64).optional().meta({
              description: "The zone times are in when the document states none; default UTC",
              example: "Europe/London",
            }),
          }),
          body: z.string().min(1).max(MARKDOWN_LIMIT_BYTES),
          response: { 200: ImportResponse, 201: ImportResponse },
        },
      },
      async (request, reply) => {
        const result = await importPostmortem(ctxOf(request, deps.db, deps.clock), request.body, {
          defaultZone: request.query.timezone ?? null,
        });
        return reply.code(result.status === "imported" ? 201 : 200).send(result);
      },
    );
  };
}
