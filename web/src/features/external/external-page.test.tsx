import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route } from "wouter";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { ExternalPage } from "./external-page.tsx";

const editor: User = {
  id: 1,
  email: "priya@example.com",
  name: "Priya Patel",
  role: "editor",
  version: 1,
  createdAt: "2026-03-01T09:00:00Z",
  updatedAt: "2026-03-01T09:00:00Z",
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
  });

const incident = { key: "INC-7", title: "Checkout errors", customerImpact: true, version: 2 };
const created = {
  incidentKey: "INC-7",
  title: "",
  summary: "",
  impact: "",
  duration: "about 42 minutes",
  changes: "",
  status: "draft",
  author: { id: 1, name: "Priya Patel" },
  approvedBy: null,
  approvedAt: null,
  flags: [],
  openFlags: 0,
  publication: null,
  version: 1,
  createdAt: "2026-03-18T15:00:00Z",
  updatedAt: "2026-03-18T15:00:00Z",
};

function openPage(user: User, answer: (url: URL, init?: RequestInit) => Response) {
  window.history.replaceState(null, "", "/incidents/INC-7/external");
  const fetch = vi.fn(async (input: string, init?: RequestInit) =>
    answer(new URL(input, "http://localhost"), init),
  );
  vi.stubGlobal("fetch", fetch);
  render(
    <SessionProvider initialUser={user}>
      <Route path="/incidents/:key/external" component={ExternalPage} />
    </SessionProvider>,
  );
  return { fetch, user: userEvent.setup() };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ExternalPage", () => {
  it("explains the customer-facing version and lets an editor start one, prefilled with the duration", async () => {
    const { user } = openPage(editor, (url, init) => {
      if (url.pathname === "/api/v1/incidents/INC-7") return json(incident);
      if (init?.method === "POST") return json(created, 201);
      return json({ title: "Not Found", detail: "none yet" }, 404);
    });
    await screen.findByText(/short account of this incident/);
    await user.click(screen.getByRole("button", { name: "Write a customer-facing version" }));
    expect(await screen.findByRole("textbox", { name: "Duration" })).toHaveProperty(
      "value",
      "about 42 minutes",
    );
    expect(screen.getByRole("region", { name: "Preview: what customers will see" })).toBeTruthy();
  });

  it("offers a viewer nothing to write", async () => {
    openPage({ ...editor, role: "viewer" }, (url) =>
      url.pathname === "/api/v1/incidents/INC-7" ? json(incident) : json({ title: "Not Found" }, 404),
    );
    await screen.findByText("Nobody has written one yet.");
    expect(screen.queryByRole("button", { name: "Write a customer-facing version" })).toBeNull();
  });
});
