// Test helper: an in-memory five-whys API behind `fetch`, with versions and If-Match like the server's.
import { vi } from "vitest";
import type { ActionItem, WhyNode } from "./whys.api.ts";

interface Row {
  id: number;
  parentId: number | null;
  text: string;
  version: number;
  actionItemId: number | null;
}

export interface FakeWhysApi {
  /** Every request, as "METHOD /path" with its JSON body and If-Match. */
  calls: { route: string; body: unknown; ifMatch: string | undefined }[];
  /** Adds a why directly, as another person would; returns its id. */
  seed(parentId: number | null, text: string): number;
  /** Rewords a why as someone else would (its version goes up). */
  editAsSomeoneElse(id: number, text: string): void;
  forest(): WhyNode[];
}

const BASE = "/api/v1/incidents/INC-1/postmortem/whys";

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": status < 300 ? "application/json" : "application/problem+json" },
  });
}

export function fakeWhysApi(): FakeWhysApi {
  const rows: Row[] = [];
  const calls: FakeWhysApi["calls"] = [];
  let nextId = 1;
  let nextItem = 41;

  const nodeOf = (row: Row): WhyNode => ({
    ...row,
    position: rows.filter((r) => r.parentId === row.parentId).indexOf(row),
    children: rows.filter((r) => r.parentId === row.id).map(nodeOf),
  });
  const seed = (parentId: number | null, text: string) => {
    rows.push({ id: nextId, parentId, text, version: 1, actionItemId: null });
    return nextId++;
  };
  const drop = (id: number) => {
    for (const child of rows.filter((r) => r.parentId === id)) drop(child.id);
    rows.splice(
      rows.findIndex((r) => r.id === id),
      1,
    );
  };

  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = new URL(url, "http://localhost").pathname;
      const method = init.method ?? "GET";
      const headers = (init.headers ?? {}) as Record<string, string>;
      const body = (typeof init.body === "string" ? JSON.parse(init.body) : {}) as {
        parentId: number | null;
        text: string;
      };
      calls.push({ route: `${method} ${path}`, body, ifMatch: headers["if-match"] });
      if (path === BASE && method === "GET")
        return reply(200, rows.filter((r) => r.parentId === null).map(nodeOf));
      if (path === BASE && method === "POST")
        return reply(201, nodeOf(rowOf(seed(body.parentId, body.text))));
      const [, idText, tail] = /^\/(\d+)(\/action-item)?$/.exec(path.slice(BASE.length)) ?? [];
      const row = rows.find((r) => r.id === Number(idText));
      if (!row) return reply(404, { detail: `why ${idText} not found` });
      if (tail) {
        row.actionItemId = nextItem++;
        row.version += 1;
        return reply(201, { id: row.actionItemId, whyNodeId: row.id, ...body } as Partial<ActionItem>);
      }
      if (headers["if-match"] && headers["if-match"] !== `"${row.version}"`) {
        return reply(412, { detail: `why ${row.id} was changed by someone else` });
      }
      if (method === "DELETE") {
        drop(row.id);
        return reply(204);
      }
      Object.assign(row, { text: body.text, version: row.version + 1 });
      return reply(200, nodeOf(row));
    }),
  );

  function rowOf(id: number): Row {
    return rows.find((r) => r.id === id)!;
  }

  return {
    calls,
    seed,
    editAsSomeoneElse(id, text) {
      Object.assign(rowOf(id), { text, version: rowOf(id).version + 1 });
    },
    forest: () => rows.filter((r) => r.parentId === null).map(nodeOf),
  };
}
