import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { LibraryPage } from "./library-page.tsx";
import type { SearchHit, SearchResults } from "./library.api.ts";

const viewer: User = {
  id: 2,
  email: "val@example.com",
  name: "Val Viewer",
  role: "viewer",
  version: 1,
  createdAt: "2026-03-01T09:00:00Z",
  updatedAt: "2026-03-01T09:00:00Z",
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
  });

function hit(fields: Partial<SearchHit> = {}): SearchHit {
  return {
    incidentKey: "INC-7",
    title: "Checkout errors after a deploy",
    severity: "P1",
    incidentStatus: "resolved",
    postmortemStatus: "published",
    startedAt: "2026-03-18T14:02:00Z",
    services: ["checkout"],
    tags: ["deploy"],
    score: 3.2,
    snippets: [
      {
        field: "rootCause",
        fragments: [
          { text: "A bad ", match: false },
          { text: "deploy", match: true },
          { text: " of <b>the</b> pool config", match: false },
        ],
      },
    ],
    ...fields,
  };
}

type Answer = (url: URL) => Response;

function openLibrary(path: string, answer: Answer) {
  window.history.replaceState(null, "", path);
  const asked: URL[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      const url = new URL(input, "http://localhost");
      asked.push(url);
      return answer(url);
    }),
  );
  render(
    <SessionProvider initialUser={viewer}>
      <LibraryPage />
    </SessionProvider>,
  );
  return { asked, user: userEvent.setup() };
}

const queryOf = (url: URL) => Object.fromEntries(url.searchParams);
const searches = (asked: URL[]) => asked.filter((url) => url.pathname === "/api/v1/search").map(queryOf);
const results = (
  items: SearchHit[],
  nextCursor: string | null = null,
  total = items.length,
): SearchResults => ({
  items,
  nextCursor,
  total,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("LibraryPage", () => {
  it("searches on Enter and keeps the words and filters in the address", async () => {
    const { asked, user } = openLibrary("/library", (url) =>
      url.pathname === "/api/v1/search" ? json(results([hit()])) : json({ items: [], nextCursor: null }),
    );
    await user.type(screen.getByRole("searchbox", { name: "Search post-mortems" }), "deploy rollback{Enter}");
    await screen.findByText("1 result");
    // First the listing (no words), then the search.
    expect(searches(asked)).toEqual([
      { status: "published", limit: "20" },
      { q: "deploy rollback", status: "published", limit: "20" },
    ]);
    expect(window.location.search).toBe("?q=deploy+rollback");

    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "P1");
    await user.selectOptions(screen.getByRole("combobox", { name: "Post-mortem status" }), "Any status");
    await screen.findByText("1 result");
    expect(searches(asked).at(-1)).toEqual({ q: "deploy rollback", severity: "P1", limit: "20" });
    expect(window.location.search).toBe("?q=deploy+rollback&severity=P1&status=any");

    await user.type(screen.getByRole("textbox", { name: "Service" }), "checkout{Enter}");
    await screen.findByText("1 result");
    expect(searches(asked).at(-1)).toMatchObject({ service: "checkout", severity: "P1" });
  });

  it("says there are more than it counted when the server stopped counting", async () => {
    openLibrary("/library?q=database", () =>
      json({ ...results([hit()], "c2", 300), totalIsLowerBound: true }),
    );
    await screen.findByText("More than 300 results, best first");
  });

  it("reads the search from the address, so a shared link shows the same results", async () => {
    const { asked } = openLibrary("/library?q=pool&status=closed&tag=db&from=2026-01-01&to=2026-03-31", () =>
      json(results([hit()])),
    );
    await screen.findByText("1 result");
    expect(searches(asked)).toEqual([
      { q: "pool", status: "closed", tag: "db", from: "2026-01-01", to: "2026-03-31", limit: "20" },
    ]);
    expect(screen.getByRole("searchbox", { name: "Search post-mortems" })).toHaveProperty("value", "pool");
    expect(screen.getByLabelText("Started from")).toHaveProperty("value", "2026-01-01");
  });

  it("wraps matched fragments in <mark>, keeps the rest as text, and links each hit to its post-mortem", async () => {
    openLibrary("/library?q=deploy", () => json(results([hit()])));
    const link = await screen.findByRole("link", { name: "Checkout errors after a deploy" });
    expect(link.getAttribute("href")).toBe("/incidents/INC-7/postmortem");
    const item = link.closest("li")!;
    const marks = item.querySelectorAll("mark");
    expect([...marks].map((mark) => mark.textContent)).toEqual(["deploy"]);
    expect(item.querySelector("b")).toBeNull();
    expect(item.textContent).toContain("Root cause: A bad deploy of <b>the</b> pool config");
    expect(item.textContent).toContain("Services: checkout · Tags: deploy");
  });

  it("loads more with the cursor and appends the next page", async () => {
    const second = hit({ incidentKey: "INC-3", title: "Pool exhausted" });
    const { asked, user } = openLibrary("/library?q=pool", (url) =>
      url.searchParams.get("cursor") === "c2"
        ? json(results([second], null, 2))
        : json(results([hit()], "c2", 2)),
    );
    await screen.findByText("2 results");
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await screen.findByRole("link", { name: "Pool exhausted" });
    expect(searches(asked).at(-1)).toMatchObject({ q: "pool", cursor: "c2" });
    expect(within(screen.getByRole("list", { name: "Post-mortems" })).getAllByRole("listitem")).toHaveLength(
      2,
    );
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("helps when nothing matches, and clears the filters on request", async () => {
    const { asked, user } = openLibrary("/library?q=kafka+lag&severity=P3", () => json(results([])));
    const empty = await screen.findByText(/No post-mortem mentions/);
    expect(empty.textContent).toContain(
      "No post-mortem mentions “kafka lag” with these filters; try fewer words",
    );
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await screen.findByText(/No post-mortem mentions “kafka lag”;/);
    expect(searches(asked).at(-1)).toEqual({ q: "kafka lag", status: "published", limit: "20" });
  });

  it("shows the server's complaint about the words beside the search box", async () => {
    openLibrary("/library?q=%3F%3F", () =>
      json(
        { title: "Bad Request", detail: "q: is required", errors: [{ path: "q", message: "is required" }] },
        400,
      ),
    );
    await screen.findByText("is required");
    expect(screen.getByRole("searchbox", { name: "Search post-mortems" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("lists published post-mortems newest first when nothing is searched, from the server's listing", async () => {
    const listed = [
      hit({ incidentKey: "INC-9", title: "Newest", score: 0, snippets: [] }),
      hit({ incidentKey: "INC-5", title: "Older", score: 0, snippets: [] }),
    ];
    const { asked } = openLibrary("/library?severity=P2", () => json(results(listed, null, 2)));
    await screen.findByText("2 published post-mortems, newest first");
    const links = within(screen.getByRole("list", { name: "Post-mortems" })).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Newest", "Older"]);
    expect(asked.map((url) => url.pathname)).toEqual(["/api/v1/search"]);
    expect(queryOf(asked[0]!)).toEqual({ severity: "P2", status: "published", limit: "20" });
  });

  it("says there are more than it counted when the listing stopped counting, and loads the next page", async () => {
    const { asked, user } = openLibrary("/library", (url) =>
      url.searchParams.get("cursor") === "c2"
        ? json(results([hit({ incidentKey: "INC-1", title: "Oldest", snippets: [] })], null, 300))
        : json({ ...results([hit({ snippets: [] })], "c2", 300), totalIsLowerBound: true }),
    );
    await screen.findByText("More than 300 published post-mortems, newest first");
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await screen.findByRole("link", { name: "Oldest" });
    expect(queryOf(asked.at(-1)!)).toMatchObject({ cursor: "c2" });
  });
});
