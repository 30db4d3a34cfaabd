import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `npm run build:web` (vite build) writes the SPA; the same from src/server and dist/server. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** The web app's policy: scripts, styles and connections from this origin only, no inline script. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

// Swagger UI's scripts come from 'self' too, but its React components set style attributes.
const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

// HTML the API generates (the printable post-mortem export) carries its own <style> and must run nothing.
const DOCUMENT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const HASHED_ASSET = /^[\w.-]+$/;
const ROOT_FILE = /^\/([\w-]+\.(?:svg|ico|png|txt|webmanifest))$/;
const YEAR_SECONDS = 365 * 24 * 60 * 60;

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/") || path === "/healthz" || path.startsWith("/healthz/");
}

function policyFor(path: string): string {
  if (path.startsWith("/api/docs")) return DOCS_CSP;
  if (isApiPath(path)) return DOCUMENT_CSP;
  return APP_CSP;
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      "<!doctype html><html lang=en><meta charset=utf-8><title>Hindsight</title>" +
        "<h1>The web app is not built yet</h1><p>Run <code>npm run build:web</code> " +
        "(<code>npm start</code> does it when needed). The API documentation is at <a href=/api/docs>/api/docs</a>.</p>",
    );
}

/**
 * Serves the SPA built into `root`: hashed assets with a year-long immutable cache, `index.html`
 * (never cached) for `/` and any other page address a browser asks for, so client routes survive a
 * reload. Paths under /api and /healthz never fall back to the app: unknown ones stay 404 problem+json.
 * Every HTML response gets a Content-Security-Policy; call this before registering the other routes.
 */
export async function installWeb(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;

  app.addHook("onSend", async (request, reply, payload) => {
    const type = reply.getHeader("content-type");
    if (typeof type === "string" && type.startsWith("text/html")) {
      reply.header("content-security-policy", policyFor(request.url.split("?")[0]!));
      reply.header("x-content-type-options", "nosniff");
      reply.header("referrer-policy", "same-origin");
    }
    return payload;
  });

  // Only for reply.sendFile: the routes below declare their role, as every route must.
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(join(root, "index.html"))) return notBuilt(reply);
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html", root, { cacheControl: false });
  };

  app.get(
    "/assets/*",
    { config: { role: "public" }, schema: { hide: true } },
    (request: FastifyRequest<{ Params: { "*": string } }>, reply) => {
      const name = request.params["*"];
      if (!HASHED_ASSET.test(name) || !existsSync(join(root, "assets", name))) return reply.callNotFound();
      return reply.sendFile(name, join(root, "assets"), { maxAge: YEAR_SECONDS * 1000, immutable: true });
    },
  );

  app.get("/*", { config: { role: "public" }, schema: { hide: true } }, (request, reply) => {
    const path = request.url.split("?")[0]!;
    if (isApiPath(path)) return reply.callNotFound();
    const file = ROOT_FILE.exec(path)?.[1];
    if (file && existsSync(join(root, file))) {
      return reply.sendFile(file, root, { maxAge: 60 * 60 * 1000 });
    }
    const wantsPage = path === "/" || (request.headers.accept ?? "").includes("text/html");
    return wantsPage ? sendIndex(reply) : reply.callNotFound();
  });
}
