import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { ActionItemsPage } from "./action-items-page.tsx";
import { buildItem, editor, json, viewer } from "./test-data.ts";

type Answer = (url: URL, init: RequestInit | undefined) => Response;

/** Opens the board at `path` with fetch answered by `answer`; returns the board requests' URLs. */
function openBoard(path: string, answer: Answer, user: User = editor) {
  window.history.replaceState(null, "", path);
  const asked: URL[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, "http://localhost");
      if (url.pathname === "/api/v1/action-items") asked.push(url);
      return answer(url, init);
    }),
  );
  render(
    <SessionProvider initialUser={user}>
      <ActionItemsPage />
    </SessionProvider>,
  );
  return { asked, user: userEvent.setup() };
}

const queryOf = (url: URL) => Object.fromEntries(url.searchParams);
const emptyPage: Answer = () => json({ items: [], nextCursor: null });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ActionItemsPage", () => {
  it("asks once for the signed-in user's items by name or by e-mail under Mine", async () => {
    const { asked } = openBoard("/action-items", emptyPage);
    await screen.findByText("Nothing is yours.");
    expect(asked.map((url) => url.search)).toEqual(["?owner=Priya+Patel&owner=priya%40example.com&limit=50"]);
    expect(screen.getByRole("link", { name: "Mine" }).getAttribute("aria-current")).toBe("page");
  });

  it("turns the view and status filter into the request and keeps them in the address", async () => {
    const { asked, user } = openBoard("/action-items?view=overdue", emptyPage);
    await screen.findByText("No overdue action items.");
    expect(asked.map(queryOf)).toEqual([{ overdue: "true", limit: "50" }]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "In progress");
    await screen.findByText("No overdue action items with status In progress.");
    expect(queryOf(asked.at(-1)!)).toEqual({ overdue: "true", status: "in_progress", limit: "50" });
    expect(window.location.search).toBe("?view=overdue&status=in_progress");

    await user.click(screen.getByRole("link", { name: "All" }));
    await screen.findByText("No action items with status In progress.");
    expect(queryOf(asked.at(-1)!)).toEqual({ status: "in_progress", limit: "50" });
    expect(window.location.search).toBe("?view=all&status=in_progress");
  });

  it("shows each item with its post-mortem, owner, due date, overdue badge and link", async () => {
    const item = buildItem({ overdue: true, dueDate: "2026-03-01" });
    openBoard("/action-items?view=all", () => json({ items: [item], nextCursor: null }));
    const row = (await screen.findByText(item.title)).closest("li")!;
    expect(within(row).getByRole("link", { name: "INC-3" }).getAttribute("href")).toBe(
      "/incidents/INC-3/postmortem",
    );
    expect(row.textContent).toContain("Owner: Priya Patel");
    expect(row.textContent).toContain("Due: 2026-03-01");
    expect(within(row).getByText("Overdue")).toBeTruthy();
    expect(within(row).getByText("High priority")).toBeTruthy();
    expect(within(row).getByText("Detect")).toBeTruthy();
    const link = within(row).getByRole("link", { name: "github.com/acme/checkout/issues/812" });
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("groups by status when asked", async () => {
    const items = [
      buildItem({ id: 1, title: "Add a canary stage", status: "done" }),
      buildItem({ id: 2, title: "Validate pool size", status: "open" }),
    ];
    openBoard("/action-items?view=all&order=status", () => json({ items, nextCursor: null }));
    const open = await screen.findByRole("list", { name: "Open (1)" });
    expect(within(open).getByText("Validate pool size")).toBeTruthy();
    expect(
      within(screen.getByRole("list", { name: "Done (1)" })).getByText("Add a canary stage"),
    ).toBeTruthy();
  });

  it("loads the next page with the cursor", async () => {
    const { asked, user } = openBoard("/action-items?view=all", (url) =>
      url.searchParams.get("cursor") === "c2"
        ? json({ items: [buildItem({ id: 2, title: "Second", dueDate: "2026-04-01" })], nextCursor: null })
        : json({ items: [buildItem({ id: 1, title: "First" })], nextCursor: "c2" }),
    );
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    await screen.findByText("Second");
    expect(queryOf(asked.at(-1)!)).toEqual({ limit: "50", cursor: "c2" });
    const titles = within(screen.getByRole("list", { name: "Action items" })).getAllByRole("listitem");
    expect(titles.map((li) => li.querySelector(".ai-title")?.textContent)).toEqual(["First", "Second"]);
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("marks an item done with If-Match and shows the saved state", async () => {
    const item = buildItem({ overdue: true });
    const patches: RequestInit[] = [];
    const { user } = openBoard("/action-items?view=all", (url, init) => {
      if (init?.method !== "PATCH") return json({ items: [item], nextCursor: null });
      patches.push(init);
      return json({
        ...item,
        status: "done",
        overdue: false,
        completedAt: "2026-03-20T10:00:00Z",
        version: 2,
      });
    });
    await screen.findByText(item.title);
    await user.click(await screen.findByRole("button", { name: `Mark done: ${item.title}` }));
    const row = (await screen.findByText(/^Completed/)).closest("li")!;
    expect(within(row).getByText("Done")).toBeTruthy();
    expect(within(row).queryByText("Overdue")).toBeNull();
    expect(document.activeElement).toBe(within(row).getByRole("button", { name: `Edit: ${item.title}` }));
    expect(patches[0]!.headers).toMatchObject({ "if-match": '"1"' });
    expect(JSON.parse(String(patches[0]!.body))).toEqual({ status: "done" });
  });

  it("offers a viewer no edit controls", async () => {
    openBoard("/action-items?view=all", () => json({ items: [buildItem()], nextCursor: null }), viewer);
    await screen.findByText(buildItem().title);
    expect(screen.queryByRole("button", { name: /^(Edit|Mark done)/ })).toBeNull();
  });
});
