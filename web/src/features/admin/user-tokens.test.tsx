import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "../auth/session.tsx";
import { buildToken, buildUser, fakeApi } from "../../test/fake-api.ts";
import { AdminPage } from "./admin-page.tsx";

const ada = buildUser();
const ed = buildUser({ id: 2, name: "Ed Editor", email: "ed@example.com", role: "editor" });

function renderPage() {
  return render(
    <SessionProvider initialUser={ada}>
      <AdminPage />
    </SessionProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("UserTokens", () => {
  it("lists a user's tokens only when asked, by name and prefix", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/users", { body: [ada, ed] });
    api.on("GET /api/v1/users/2/tokens", {
      body: [buildToken({ id: 8, name: "laptop", prefix: "hst_LaPtOp" })],
    });
    renderPage();
    const user = userEvent.setup();
    const toggle = await screen.findByRole("button", { name: "Tokens of Ed Editor" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(api.calls.some((c) => c.route.endsWith("/tokens"))).toBe(false);

    await user.click(toggle);
    const list = await screen.findByRole("list", { name: "API tokens of Ed Editor" });
    expect(within(list).getByRole("listitem").textContent).toContain("laptophst_LaPtOp…");
    expect(
      screen.getByRole("button", { name: "Hide tokens of Ed Editor" }).getAttribute("aria-expanded"),
    ).toBe("true");
  });

  it("says when a user has no tokens", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/users", { body: [ada, ed] });
    api.on("GET /api/v1/users/2/tokens", { body: [] });
    renderPage();
    await userEvent.setup().click(await screen.findByRole("button", { name: "Tokens of Ed Editor" }));
    expect(await screen.findByText("Ed Editor has no API tokens.")).toBeTruthy();
  });

  it("revokes another user's token after confirming, and keeps the keyboard in that list", async () => {
    const api = fakeApi();
    let tokens = [buildToken({ id: 8, name: "laptop" })];
    api.on("GET /api/v1/users", { body: [ada, ed] });
    api.on("GET /api/v1/users/2/tokens", () => ({ body: tokens }));
    api.on("DELETE /api/v1/users/2/tokens/8", () => {
      tokens = [{ ...tokens[0]!, revokedAt: "2026-03-05T08:00:00.000Z" }];
      return { status: 204 };
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tokens of Ed Editor" }));

    await user.click(await screen.findByRole("button", { name: "Revoke laptop" }));
    const confirm = screen.getByRole("dialog", { name: "Revoke token?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.calls.some((c) => c.route.startsWith("DELETE"))).toBe(false);

    await user.click(screen.getByRole("button", { name: "Revoke laptop" }));
    await user.click(
      within(screen.getByRole("dialog", { name: "Revoke token?" })).getByRole("button", {
        name: "Revoke token",
      }),
    );
    expect((await screen.findByText("Revoked laptop of Ed Editor.")).getAttribute("role")).toBe("status");
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Revoke laptop" })).toBeNull());
    const list = screen.getByRole("list", { name: "API tokens of Ed Editor" });
    expect(within(list).getByRole("listitem").textContent).toContain("Revoked2026-03-05 08:00");
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "API tokens of Ed Editor" })),
    );
  });

  it("shows the server's reason when the revocation fails, and keeps the token", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/users", { body: [ada, ed] });
    api.on("GET /api/v1/users/2/tokens", { body: [buildToken({ id: 8, name: "laptop" })] });
    api.on("DELETE /api/v1/users/2/tokens/8", {
      status: 404,
      body: { detail: "token 8 of user 2 not found" },
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tokens of Ed Editor" }));
    await user.click(await screen.findByRole("button", { name: "Revoke laptop" }));
    const confirm = screen.getByRole("dialog", { name: "Revoke token?" });
    await user.click(within(confirm).getByRole("button", { name: "Revoke token" }));
    expect((await within(confirm).findByRole("alert")).textContent).toBe("token 8 of user 2 not found");
    expect(screen.getByRole("button", { name: "Revoke laptop" })).toBeTruthy();
  });
});
