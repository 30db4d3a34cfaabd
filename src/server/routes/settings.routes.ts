import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ProcessSettingsPatch,
  ProcessSettingsResource,
  processConfigLayer,
  readProcessSettings,
  updateProcessSettings,
} from "../../process/settings.ts";
import type { AppDeps } from "../app.ts";
import { ctxOf } from "../auth.ts";
import { requireIfMatch, withEtag } from "../versioning.ts";

const tags = ["settings"];
const path = "/api/v1/settings/process";

export function settingsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Reads HINDSIGHT_PROCESS_CONFIG while the app starts, so a bad file stops start-up rather than a request.
    processConfigLayer();

    app.get(
      path,
      {
        config: { role: "viewer" },
        schema: {
          tags,
          summary: "Read the review-process settings in effect, and the overrides admins stored",
          response: { 200: ProcessSettingsResource },
        },
      },
      async (_request, reply) => withEtag(reply, await readProcessSettings(deps.db)),
    );

    app.put(
      path,
      {
        config: { role: "admin" },
        schema: {
          tags,
          summary:
            "Replace the overrides (any part of the settings; the rest comes from the config file or the defaults); needs If-Match",
          body: ProcessSettingsPatch,
          response: { 200: ProcessSettingsResource },
        },
      },
      async (request, reply) => {
        const expected = requireIfMatch(request);
        const ctx = ctxOf(request, deps.db, deps.clock);
        return withEtag(reply, await updateProcessSettings(ctx, request.body, expected));
      },
    );
  };
}
