import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import { SessionProvider } from "../auth/session.tsx";
import { AddUserDialog } from "./add-user-dialog.tsx";
import { AdminPage } from "./admin-page.tsx";
import { buildUser, fakeApi } from "../../test/fake-api.ts";

afterEach(() => vi.unstubAllGlobals());

describe("AddUserDialog", () => {
  it("names the field the server refused (duplicate e-mail) and keeps what was typed", async () => {
    const create = vi.fn().mockRejectedValue(
      new ApiError(409, {
        title: "Conflict",
        detail: "a user with e-mail ed@example.com already exists",
        errors: [{ path: "email", message: "is already taken" }],
      }),
    );
    render(<AddUserDialog open onClose={vi.fn()} onCreated={vi.fn()} create={create} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "Ed Editor");
    await user.type(screen.getByLabelText("Email"), "ed@example.com");
    await user.selectOptions(screen.getByLabelText("Role"), "editor");
    await user.click(screen.getByRole("button", { name: "Add user" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "a user with e-mail ed@example.com already exists",
    );
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(email.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Is already taken.",
    );
    expect(email).toHaveProperty("value", "ed@example.com");
    expect(screen.getByLabelText("Name")).toHaveProperty("value", "Ed Editor");
    expect(create).toHaveBeenCalledWith({ name: "Ed Editor", email: "ed@example.com", role: "editor" });
  });

  it("refuses a short password before asking the server", async () => {
    const create = vi.fn();
    render(<AddUserDialog open onClose={vi.fn()} onCreated={vi.fn()} create={create} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "Val Viewer");
    await user.type(screen.getByLabelText("Email"), "val@example.com");
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Add user" }));
    expect(screen.getByText("Use at least 12 characters, or leave it empty to generate one.")).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it("shows a generated password once, with a warning, and forgets it on Done", async () => {
    const api = fakeApi();
    const created = buildUser({ id: 2, name: "Ed Editor", email: "ed@example.com", role: "editor" });
    api.on("GET /api/v1/users", { body: [buildUser()] });
    api.on("POST /api/v1/users", {
      status: 201,
      body: { user: created, generatedPassword: "gen-pass-123456" },
    });
    render(
      <SessionProvider initialUser={buildUser()}>
        <AdminPage />
      </SessionProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add user" }));
    const form = screen.getByRole("dialog", { name: "Add user" });
    await user.type(within(form).getByLabelText("Name"), "Ed Editor");
    await user.type(within(form).getByLabelText("Email"), "ed@example.com");
    await user.selectOptions(within(form).getByLabelText("Role"), "editor");
    await user.click(within(form).getByRole("button", { name: "Add user" }));

    const shown = await screen.findByRole("dialog", { name: "Password for the new user" });
    expect(within(shown).getByLabelText("Password")).toHaveProperty("value", "gen-pass-123456");
    expect(shown.textContent).toContain("It is shown only this once");
    expect(api.calls.find((c) => c.route === "POST /api/v1/users")?.body).toEqual({
      name: "Ed Editor",
      email: "ed@example.com",
      role: "editor",
    });
    expect(screen.getByText("Added Ed Editor as editor.").getAttribute("role")).toBe("status");
    expect(screen.getByRole("combobox", { name: "Role of Ed Editor" })).toHaveProperty("value", "editor");

    await user.click(within(shown).getByRole("button", { name: "Done" }));
    expect(screen.queryByDisplayValue("gen-pass-123456")).toBeNull();
    expect(document.body.textContent).not.toContain("gen-pass-123456");
  });
});
