import { act, render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { AccountPage } from "./account-page.tsx";
import { buildToken, buildUser, fakeApi } from "../../test/fake-api.ts";

const val = buildUser({ id: 3, name: "Val Viewer", email: "val@example.com", role: "viewer" });
const SECRET = "hst_ViEwErSeCrEt0123456789abcdefghijkl";

function renderPage(me: User) {
  return render(
    <SessionProvider initialUser={me}>
      <AccountPage />
    </SessionProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("AccountPage", () => {
  it("shows a viewer who they are and their tokens", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/tokens", { body: [buildToken({ name: "my laptop" })] });
    renderPage(val);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Your account");
    expect(document.title).toContain("Your account");
    const who = screen.getByRole("region", { name: "Who you are" });
    expect(within(who).getByText("Val Viewer")).toBeTruthy();
    expect(within(who).getByText("val@example.com")).toBeTruthy();
    expect(within(who).getByText("Viewer")).toBeTruthy();
    const list = await screen.findByRole("list", { name: "API tokens" });
    expect(within(list).getByRole("listitem").textContent).toContain("my laptop");
    expect(screen.getByRole("region", { name: "Password" })).toBeTruthy();
  });

  it("lets a viewer create a token and forgets its secret when the browser closes the dialog (Escape)", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/tokens", { body: [] });
    api.on("POST /api/v1/tokens", {
      status: 201,
      body: { token: buildToken({ id: 5, name: "cli" }), secret: SECRET },
    });
    renderPage(val);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Token name"), "cli");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Your new API token" });
    expect(within(dialog).getByLabelText("Token")).toHaveProperty("value", SECRET);

    // What Escape does in a browser: the native <dialog> closes itself and fires "close".
    act(() => (dialog as HTMLDialogElement).close());
    await vi.waitFor(() => expect(screen.queryByDisplayValue(SECRET)).toBeNull());
    expect(document.body.textContent).not.toContain(SECRET);
    expect(
      within(screen.getByRole("list", { name: "API tokens" })).getByRole("listitem").textContent,
    ).toContain("cli");
  });
});
