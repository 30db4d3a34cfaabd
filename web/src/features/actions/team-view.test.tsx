import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, type FakeApi } from "../../test/fake-api.ts";
import { SessionProvider } from "../auth/session.tsx";
import { ActionItemsPage } from "./action-items-page.tsx";
import { buildItem, editor } from "./test-data.ts";

const COUNTS = {
  items: [
    { service: "checkout-api", open: 3, overdue: 2, done: 1 },
    { service: "card payments", open: 1, overdue: 0, done: 4 },
  ],
};

/** Opens the board at `path` over the fake API. */
function openBoard(path: string, setUp: (api: FakeApi) => void) {
  window.history.replaceState(null, "", path);
  const api = fakeApi();
  setUp(api);
  render(
    <SessionProvider initialUser={editor}>
      <ActionItemsPage />
    </SessionProvider>,
  );
  return { api, user: userEvent.setup() };
}

/** The query of every board request (GET /api/v1/action-items) so far. */
function boardQueries(): Record<string, string>[] {
  return vi
    .mocked(fetch)
    .mock.calls.map(([input]) => new URL(String(input), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/action-items")
    .map((url) => Object.fromEntries(url.searchParams));
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ActionItemsPage, By team", () => {
  it("lists each team with its open, overdue and done counts, each linking to its items", async () => {
    openBoard("/action-items?view=team", (api) =>
      api.on("GET /api/v1/action-items/services", { body: COUNTS }),
    );
    const table = await screen.findByRole("table", { name: "Action items by team" });
    const [, checkout, payments] = within(table).getAllByRole("row");
    expect(cellsOf(checkout!)).toEqual(["3", "2", "1"]);
    expect(cellsOf(payments!)).toEqual(["1", "0", "4"]);
    expect(within(checkout!).getByRole("link", { name: "checkout-api" }).getAttribute("href")).toBe(
      "/action-items?view=team&service=checkout-api",
    );
    expect(within(payments!).getByRole("link", { name: "card payments" }).getAttribute("href")).toBe(
      "/action-items?view=team&service=card+payments",
    );
    expect(screen.getByRole("link", { name: "By team" }).getAttribute("aria-current")).toBe("page");
    expect(boardQueries()).toEqual([]);
  });

  it("opens a team's items with the status filter still applying, and goes back to all teams", async () => {
    const item = buildItem({ title: "Retry card authorisation" });
    const { api, user } = openBoard("/action-items?view=team", (fake) => {
      fake.on("GET /api/v1/action-items/services", { body: COUNTS });
      fake.on("GET /api/v1/action-items", { body: { items: [item], nextCursor: null } });
    });
    await user.click(await screen.findByRole("link", { name: "card payments" }));
    await screen.findByText("Retry card authorisation");
    expect(window.location.search).toBe("?view=team&service=card+payments");
    expect(boardQueries()).toEqual([{ service: "card payments", limit: "50" }]);
    expect(screen.getByText("Items of incidents that list the service “card payments”.")).toBeTruthy();

    api.on("GET /api/v1/action-items", { body: { items: [], nextCursor: null } });
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Done");
    await screen.findByText("No action items for card payments with status Done.");
    expect(boardQueries().at(-1)).toEqual({ service: "card payments", status: "done", limit: "50" });

    await user.click(screen.getByRole("link", { name: "All teams" }));
    await screen.findByRole("table", { name: "Action items by team" });
    expect(window.location.search).toBe("?view=team&status=done");
  });

  it("leaves the team out of the other views", async () => {
    const { user } = openBoard("/action-items?view=team&service=checkout-api", (api) =>
      api.on("GET /api/v1/action-items", { body: { items: [], nextCursor: null } }),
    );
    await screen.findByText("No action items for checkout-api.");
    await user.click(screen.getByRole("link", { name: "All" }));
    await screen.findByText("No action items.");
    expect(window.location.search).toBe("?view=all");
    expect(boardQueries().at(-1)).toEqual({ limit: "50" });
  });

  it("says so in words when no team has action items", async () => {
    openBoard("/action-items?view=team", (api) =>
      api.on("GET /api/v1/action-items/services", { body: { items: [] } }),
    );
    expect(
      await screen.findByText(
        "No team has action items yet. An item belongs to a team when its incident lists the team’s service.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says when the teams could not be loaded", async () => {
    openBoard("/action-items?view=team", (api) =>
      api.on("GET /api/v1/action-items/services", {
        status: 500,
        body: { title: "Internal Server Error", status: 500, detail: "Something went wrong." },
      }),
    );
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Could not load the teams: /);
  });
});
