import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildToken, fakeApi } from "../../test/fake-api.ts";
import { TokensSection } from "./tokens-section.tsx";

afterEach(() => vi.unstubAllGlobals());

const SECRET = "hst_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

describe("TokensSection", () => {
  it("shows a new token's secret once, then never again", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/tokens", { body: [] });
    api.on("POST /api/v1/tokens", {
      status: 201,
      body: { token: buildToken({ id: 4, name: "deploy script" }), secret: SECRET },
    });
    render(<TokensSection />);
    const user = userEvent.setup();
    await screen.findByText("You have no API tokens.");
    await user.type(screen.getByLabelText("Token name"), "deploy script");
    await user.selectOptions(screen.getByLabelText("Expires"), "In 90 days");
    await user.click(screen.getByRole("button", { name: "Create token" }));

    const dialog = await screen.findByRole("dialog", { name: "Your new API token" });
    expect(within(dialog).getByLabelText("Token")).toHaveProperty("value", SECRET);
    expect(dialog.textContent).toContain("Copy it now.");
    expect(api.calls.find((c) => c.route === "POST /api/v1/tokens")?.body).toEqual({
      name: "deploy script",
      expiresInDays: 90,
    });

    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    const row = within(screen.getByRole("list", { name: "API tokens" })).getByRole("listitem");
    expect(row.textContent).toContain("deploy script");
    expect(row.textContent).toContain("hst_AbCdEf…");
    expect(screen.getByLabelText("Token name")).toHaveProperty("value", "");
  });

  it("copies the secret to the clipboard", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/tokens", { body: [] });
    api.on("POST /api/v1/tokens", { status: 201, body: { token: buildToken(), secret: SECRET } });
    render(<TokensSection />);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    await user.type(await screen.findByLabelText("Token name"), "ci");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Your new API token" });
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(within(dialog).getByRole("status").textContent).toBe("Copied to the clipboard.");
  });

  it("asks for a name before creating", async () => {
    const api = fakeApi();
    api.on("GET /api/v1/tokens", { body: [] });
    render(<TokensSection />);
    await userEvent.setup().click(await screen.findByRole("button", { name: "Create token" }));
    expect(screen.getByLabelText("Token name").getAttribute("aria-invalid")).toBe("true");
    expect(api.calls.map((c) => c.route)).toEqual(["GET /api/v1/tokens"]);
  });

  it("revokes a token only after confirming", async () => {
    const api = fakeApi();
    let tokens = [buildToken({ id: 4, name: "deploy script" })];
    api.on("GET /api/v1/tokens", () => ({ body: tokens }));
    api.on("DELETE /api/v1/tokens/4", () => {
      tokens = [{ ...tokens[0]!, revokedAt: "2026-03-05T08:00:00.000Z" }];
      return { status: 204 };
    });
    render(<TokensSection />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Revoke deploy script" }));
    let confirm = screen.getByRole("dialog", { name: "Revoke token?" });
    expect(confirm.textContent).toContain(
      "Anything using deploy script (hst_AbCdEf…) is refused from now on.",
    );
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.calls.some((c) => c.route.startsWith("DELETE"))).toBe(false);

    await user.click(screen.getByRole("button", { name: "Revoke deploy script" }));
    confirm = screen.getByRole("dialog", { name: "Revoke token?" });
    await user.click(within(confirm).getByRole("button", { name: "Revoke token" }));
    expect((await screen.findByRole("status")).textContent).toBe("Revoked deploy script.");
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Revoke deploy script" })).toBeNull());
    expect(screen.getByRole("listitem").textContent).toContain("Revoked2026-03-05 08:00");
    // The Revoke button is gone: the keyboard stays in the tokens section.
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Your API tokens" })),
    );
  });
});
