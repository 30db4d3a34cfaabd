import type { User } from "../../api/types.ts";
import type { ActionItem } from "./actions.api.ts";

export const editor: User = {
  id: 1,
  email: "priya@example.com",
  name: "Priya Patel",
  role: "editor",
  version: 1,
  createdAt: "2026-03-01T09:00:00Z",
  updatedAt: "2026-03-01T09:00:00Z",
};

export const viewer: User = {
  ...editor,
  id: 2,
  email: "val@example.com",
  name: "Val Viewer",
  role: "viewer",
};

export function buildItem(fields: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 7,
    incidentKey: "INC-3",
    title: "Alert on connection-pool saturation",
    owner: "Priya Patel",
    dueDate: "2026-03-25",
    type: "detect",
    priority: "high",
    status: "open",
    wontDoReason: null,
    externalUrl: "https://github.com/acme/checkout/issues/812",
    completedAt: null,
    whyNodeId: null,
    overdue: false,
    version: 1,
    createdAt: "2026-03-18T14:02:00Z",
    updatedAt: "2026-03-18T14:02:00Z",
    ...fields,
  };
}

/** A JSON response as the API sends it, with the version as ETag. */
export function json(body: unknown, status = 200): Response {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (body && typeof body === "object" && "version" in body) headers.etag = `"${String(body.version)}"`;
  return new Response(JSON.stringify(body), { status, headers });
}

export function problem(status: number, detail: string, errors: { path: string; message: string }[] = []) {
  return new Response(JSON.stringify({ title: "Error", status, detail, errors }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}
