import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { PasswordSection } from "./password-section.tsx";

afterEach(() => vi.unstubAllGlobals());

async function fill(current: string, next: string, repeat = next) {
  const user = userEvent.setup();
  if (current) await user.type(screen.getByLabelText("Current password"), current);
  if (next) await user.type(screen.getByLabelText("New password"), next);
  if (repeat) await user.type(screen.getByLabelText("Repeat the new password"), repeat);
  await user.click(screen.getByRole("button", { name: "Change password" }));
}

describe("PasswordSection", () => {
  it("sends the current and the new password, then clears the fields and says what happened", async () => {
    const api = fakeApi();
    api.on("POST /api/v1/auth/password", { status: 204 });
    render(<PasswordSection />);
    await fill("old secret words", "three new unrelated words");
    expect(await screen.findByRole("status")).toHaveProperty(
      "textContent",
      expect.stringContaining("Password changed"),
    );
    expect(api.calls).toEqual([
      {
        route: "POST /api/v1/auth/password",
        body: { currentPassword: "old secret words", newPassword: "three new unrelated words" },
        ifMatch: undefined,
      },
    ]);
    for (const label of ["Current password", "New password", "Repeat the new password"])
      expect(screen.getByLabelText(label)).toHaveProperty("value", "");
  });

  it("checks the new password's length and its repetition before asking the server", async () => {
    const api = fakeApi();
    render(<PasswordSection />);
    await fill("", "short", "shorter");
    expect(screen.getByRole("alert").textContent).toBe("Correct the fields marked below.");
    expect(screen.getByLabelText("Current password").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Use at least 12 characters.")).toBeTruthy();
    expect(screen.getByText("The two new passwords differ.")).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it("shows the server's refusal next to the current password and keeps what was typed", async () => {
    const api = fakeApi();
    api.on("POST /api/v1/auth/password", {
      status: 400,
      body: {
        status: 400,
        title: "Bad Request",
        detail: "currentPassword: is not your current password",
        errors: [{ path: "currentPassword", message: "is not your current password" }],
      },
    });
    render(<PasswordSection />);
    await fill("a wrong guess", "three new unrelated words");
    expect(await screen.findByText("Is not your current password.")).toBeTruthy();
    const current = screen.getByLabelText("Current password");
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(current).toHaveProperty("value", "a wrong guess");
    expect(screen.queryByRole("status")).toBeNull();
  });
});
