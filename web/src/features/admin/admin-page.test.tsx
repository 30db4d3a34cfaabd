import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { AdminPage } from "./admin-page.tsx";
import { buildUser, fakeApi } from "../../test/fake-api.ts";

const ada = buildUser();
const ed = buildUser({ id: 2, name: "Ed Editor", email: "ed@example.com", role: "editor" });

function renderPage(me: User) {
  return render(
    <SessionProvider initialUser={me}>
      <AdminPage />
    </SessionProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("AdminPage", () => {
  it("tells a non-admin they need the admin role, and asks the server nothing", () => {
    const api = fakeApi();
    renderPage(buildUser({ role: "editor" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Admin");
    expect(screen.getByText(/You need the admin role/)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Users" })).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it("lists the users with their roles and marks the signed-in one", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/users", { body: [ada, ed] });
    renderPage(ada);
    const rows = within(await screen.findByRole("list", { name: "Users" })).getAllByRole("listitem");
    expect(rows.map((row) => row.querySelector("strong")?.textContent)).toEqual([
      "Ada Admin (you)",
      "Ed Editor",
    ]);
    expect(screen.getByRole("combobox", { name: "Role of Ed Editor" })).toHaveProperty("value", "editor");
    expect(screen.getByRole("link", { name: "your account page" }).getAttribute("href")).toBe("/account");
    expect(api.calls.map((c) => c.route)).toEqual(["GET /api/v1/users"]);
  });

  it("shows the server's reason when the last admin would be demoted, keeping the choice", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/users", { body: [buildUser({ id: 7 }), ed] });
    api.on("PATCH /api/v1/users/7", {
      status: 409,
      body: {
        title: "Conflict",
        detail: "the last admin cannot be demoted",
        errors: [{ path: "role", message: "at least one admin must remain" }],
      },
    });
    renderPage(ada);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Role of Ada Admin" }), "viewer");
    await user.click(screen.getByRole("button", { name: "Save role" }));
    expect((await screen.findByRole("alert")).textContent).toBe("the last admin cannot be demoted");
    expect(screen.getByText("At least one admin must remain.")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Role of Ada Admin" })).toHaveProperty("value", "viewer");
    expect(api.calls.find((c) => c.route === "PATCH /api/v1/users/7")).toMatchObject({
      body: { role: "viewer" },
      ifMatch: '"1"',
    });
  });

  it("shows their change after a 412 and saves again on top of it", async () => {
    const api = fakeApi();
    let users = [ada, ed];
    api.on("GET /api/v1/users", () => ({ body: users }));
    api.on("PATCH /api/v1/users/2", ({ headers, body }) => {
      if (headers["if-match"] === '"1"') {
        users = [ada, { ...ed, role: "viewer", version: 2 }];
        return { status: 412, body: { detail: "user 2 was changed by someone else" } };
      }
      return { body: { ...ed, ...(body as object), version: 3 } };
    });
    renderPage(ada);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Role of Ed Editor" }), "admin");
    await user.click(screen.getByRole("button", { name: "Save role" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Someone changed Ed Editor while you were choosing: their role is now viewer. Save again to apply yours.",
    );
    await user.click(screen.getByRole("button", { name: "Save role" }));
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Save role" })).toBeNull());
    expect(screen.getByRole("combobox", { name: "Role of Ed Editor" })).toHaveProperty("value", "admin");
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Role of Ed Editor" }));
    expect(api.calls.filter((c) => c.route === "PATCH /api/v1/users/2").map((c) => c.ifMatch)).toEqual([
      '"1"',
      '"2"',
    ]);
  });
});
