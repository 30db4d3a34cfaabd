import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { computeInsights } from "../../insights/compute-insights.ts";
import { INSIGHTS_CSV_COLUMNS, insightsCsv } from "../../insights/insights-csv.ts";
import { Insights, InsightsQuery, type InsightsFormat } from "../../insights/insights.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";

/** The quality (q) of each media type the Accept header lists, with its position. */
function acceptRanks(accept: string | undefined): Map<string, { q: number; at: number }> {
  const ranks = new Map<string, { q: number; at: number }>();
  (accept ?? "").split(",").forEach((part, at) => {
    const [type, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (type) ranks.set(type, { q: q ? Number(q.slice(2)) || 0 : 1, at });
  });
  return ranks;
}

/** CSV when asked by `format`, else when the Accept header prefers text/csv to JSON. */
function formatOf(request: FastifyRequest, format: InsightsFormat | undefined): InsightsFormat {
  if (format) return format;
  const ranks = acceptRanks(request.headers.accept);
  const csv = ranks.get("text/csv");
  const json = ranks.get("application/json");
  if (!csv || csv.q === 0) return "json";
  return !json || csv.q > json.q || (csv.q === json.q && csv.at < json.at) ? "csv" : "json";
}

export function insightsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/insights",
      {
        config: { role: "viewer" },
        schema: {
          tags: ["insights"],
          summary:
            "Incidents by severity and month, detect/resolve times, review timeliness, action items, recurring labels and factors, lint findings; JSON or CSV",
          querystring: InsightsQuery,
          response: {
            200: {
              content: {
                "application/json": { schema: Insights },
                "text/csv": {
                  schema: z.string().meta({
                    description: `One row per month then a total row; columns: ${INSIGHTS_CSV_COLUMNS.join(", ")}`,
                  }),
                },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const { format, ...input } = request.query;
        const insights = await computeInsights(ctxOf(request, deps.db, deps.clock), input);
        if (formatOf(request, format) === "json") return insights;
        const name = `hindsight-insights-${insights.period.from.slice(0, 10)}-${insights.period.to.slice(0, 10)}.csv`;
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(insightsCsv(insights));
      },
    );
  };
}
