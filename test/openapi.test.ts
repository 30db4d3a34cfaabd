import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./http.ts";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe("OpenAPI document", () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ url: "/api/v1/openapi.json" });
    paths = JSON.parse(response.body).paths;
  });
  afterAll(() => t.close());

  const problemRef = (operation: Operation, status: number) =>
    operation.responses[String(status)]?.content?.["application/json"]?.schema?.$ref;

  it("documents the problem responses a client must handle on every protected operation", () => {
    let checked = 0;
    for (const route of t.app.registeredRoutes) {
      if (route.role === "public" || !route.url.startsWith("/api/v1/")) continue;
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      const operation = paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path} is missing from the document`).toBeDefined();
      expect(problemRef(operation!, 401), `${route.method} ${path} documents 401`).toBe(
        "#/components/schemas/Problem",
      );
      expect(problemRef(operation!, 403), `${route.method} ${path} documents 403`).toBe(
        "#/components/schemas/Problem",
      );
      if (route.method === "PATCH") {
        expect(problemRef(operation!, 412), `${route.method} ${path} documents 412`).toBeDefined();
        expect(problemRef(operation!, 428), `${route.method} ${path} documents 428`).toBeDefined();
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
