import Fastify, { type FastifyInstance } from "fastify";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installErrorHandler } from "../../src/server/error-handler.ts";
import { APP_CSP, installWeb } from "../../src/server/web.ts";

// How src/server/web.ts serves a built SPA, over a small stand-in build so it needs no `vite build`.
describe("serving the web app", () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "hindsight-web-"));
    await mkdir(join(root, "assets"));
    await writeFile(join(root, "index.html"), "<!doctype html><div id=root></div>");
    await writeFile(join(root, "assets", "index-Ab12.js"), "console.log(1)");
    await writeFile(join(root, "favicon.svg"), "<svg/>");
    await writeFile(join(root, "secret.json"), "{}");
    app = Fastify();
    installErrorHandler(app);
    await installWeb(app, { root });
    app.get("/api/v1/things", async () => ({ ok: true }));
    app.get("/api/docs", async (_request, reply) => reply.type("text/html").send("<html>docs</html>"));
    app.get("/api/v1/export", async (_request, reply) => reply.type("text/html").send("<style></style>"));
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  const get = (url: string, accept?: string) =>
    app.inject({ method: "GET", url, headers: accept ? { accept } : {} });

  it("serves index.html at / and never lets it be cached, under the app's CSP", async () => {
    const response = await get("/");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<div id=root>");
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.headers["content-security-policy"]).toBe(APP_CSP);
    expect(APP_CSP).toContain("script-src 'self';");
    expect(APP_CSP).not.toContain("unsafe-inline");
  });

  it("answers a browser's request for any client route with the app, so a reload keeps the page", async () => {
    const response = await get("/incidents/INC-7?x=1", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<div id=root>");
  });

  it("keeps unknown API paths, and non-browser requests, as 404 problem+json", async () => {
    for (const [url, accept] of [
      ["/api/v1/nothing", "text/html"],
      ["/api", "text/html"],
      ["/healthz/x", "text/html"],
      ["/nowhere", "application/json"],
      ["/nowhere", undefined],
    ] as const) {
      const response = await get(url, accept);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"], url).toMatch(/^application\/problem\+json/);
    }
    expect((await get("/api/v1/things")).json()).toEqual({ ok: true });
  });

  it("caches hashed assets for a year and serves only files that exist inside the build", async () => {
    const asset = await get("/assets/index-Ab12.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/assets/missing.js")).statusCode).toBe(404);
    expect((await get("/assets/..%2Findex.html")).statusCode).toBe(404);
    expect((await get("/assets/../secret.json")).statusCode).toBe(404);
    expect((await get("/favicon.svg")).statusCode).toBe(200);
    expect((await get("/secret.json")).statusCode).toBe(404);
  });

  it("gives the API docs and generated HTML their own scoped policies", async () => {
    const docs = await get("/api/docs");
    expect(docs.headers["content-security-policy"]).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers["content-security-policy"]).toContain("script-src 'self';");
    const exported = await get("/api/v1/export");
    expect(exported.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect(exported.headers["content-security-policy"]).not.toContain("script-src");
    expect((await get("/api/v1/things")).headers["content-security-policy"]).toBeUndefined();
  });

  it("says how to build the app when it is not built", async () => {
    const bare = Fastify();
    installErrorHandler(bare);
    await installWeb(bare, { root: join(root, "not-built") });
    const response = await bare.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("npm run build:web");
    expect(response.headers["content-security-policy"]).toBe(APP_CSP);
    await bare.close();
  });
});
