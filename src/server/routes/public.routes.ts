import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findPublication, listPublications } from "../../public/publications.ts";
import { renderFeed } from "../../public/render-feed.ts";
import {
  FEED_PATH,
  LIST_PATH,
  STYLE_PATH,
  renderListPage,
  renderNotFoundPage,
  renderReportPage,
} from "../../public/render-pages.ts";
import { PUBLIC_CSS } from "../../public/style.ts";
import type { AppDeps } from "../app.ts";
import { APP_CSP } from "../web.ts";

const LIST_LIMIT = 500;
const FEED_LIMIT = 50;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

const SlugParams = z.object({ slug: z.string() });
const MAX_SLUG = 200;
const config = { role: "public" } as const;
const schema = { hide: true };

/** Public, cacheable, and inert: no script runs and nothing loads from elsewhere. */
function send(reply: FastifyReply, type: string, body: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .type(type)
    .header("cache-control", "public, max-age=60")
    .header("content-security-policy", APP_CSP)
    .header("x-content-type-options", "nosniff")
    .send(body);
}

/**
 * The customer-facing pages: `/status/postmortems` (newest first), one page per report, the Atom feed
 * and the stylesheet. No sign-in, no JavaScript; they read only the publications table.
 */
export function publicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  // Absolute addresses for the feed: HINDSIGHT_PUBLIC_URL, else the host the reader asked for.
  const originOf = (request: FastifyRequest): string => {
    if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, "");
    const host = HOST.test(request.host) ? request.host : "localhost";
    return `${request.protocol}://${host}`;
  };
  const html = "text/html; charset=utf-8";

  return async (app) => {
    app.get(LIST_PATH, { config, schema }, async (_request, reply) =>
      send(reply, html, renderListPage(await listPublications(deps.db, LIST_LIMIT))),
    );

    app.get(FEED_PATH, { config, schema }, async (request, reply) => {
      const publications = await listPublications(deps.db, FEED_LIMIT);
      const feed = renderFeed(publications, originOf(request), deps.clock.now());
      return send(reply, "application/atom+xml; charset=utf-8", feed);
    });

    app.get(STYLE_PATH, { config, schema }, async (_request, reply) =>
      send(reply, "text/css; charset=utf-8", PUBLIC_CSS),
    );

    app.get(
      `${LIST_PATH}/:slug`,
      { config, schema: { ...schema, params: SlugParams } },
      async (request, reply) => {
        const { slug } = request.params;
        const publication = slug.length <= MAX_SLUG ? await findPublication(deps.db, slug) : undefined;
        if (!publication) return send(reply, html, renderNotFoundPage(), 404);
        return send(reply, html, renderReportPage(publication));
      },
    );
  };
}
